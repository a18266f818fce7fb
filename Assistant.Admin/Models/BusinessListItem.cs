using Assistant.Admin.Security;
using Assistant.Core.Businesses;

namespace Assistant.Admin.Models;

/// <summary>A business the caller may see, with the caller's role in it.</summary>
public sealed record BusinessListItem(BusinessProfile Business, BusinessRole Role);
