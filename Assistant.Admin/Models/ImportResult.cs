using Assistant.Core.Businesses;

namespace Assistant.Admin.Models;

/// <summary>A pack imported: the business and what came with it.</summary>
public sealed record ImportResult(BusinessProfile Business, int KnowledgeFiles, int Examples, int Responses, bool Created);
