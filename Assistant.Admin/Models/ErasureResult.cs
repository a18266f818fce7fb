namespace Assistant.Admin.Models;

/// <summary>What an erasure removed.</summary>
public sealed record ErasureResult(string BusinessId, int ConversationsErased);
