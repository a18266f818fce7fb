using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The approved template sent instead of free-form text when the 24-hour window is closed.</summary>
public sealed class ReEngagementTemplateOptions
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Language { get; set; } = "";

    /// <summary>Positional body parameters, if the template has any.</summary>
    public List<string> BodyParameters { get; set; } = [];
}
