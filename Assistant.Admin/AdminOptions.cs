using System.ComponentModel.DataAnnotations;

namespace Assistant.Admin;

/// <summary>The <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>User name of the first owner, created on first start with access to every business.</summary>
    [Required, EmailAddress]
    public string InitialOwnerEmail { get; set; } = "owner@localhost";

    /// <summary>Password of the first owner (the AppHost passes it from a secret parameter). Absent: no owner is created.</summary>
    [MinLength(8)]
    public string? InitialOwnerPassword { get; set; }

    /// <summary>A conversation in the human state with no agent activity for this long goes back to the bot.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan HandoffIdleRelease { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A draft pending review for this long is escalated: the customer gets one holding reply and a hand-off opens.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DraftEscalationAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the automatic release and the draft escalation look for work.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often old conversations are deleted (retention, <c>Conversations:RetentionDays</c>).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Figures: a conversation counts as answered automatically only if the customer did not ask for
    /// a person within this time of the bot's answer (docs/figures.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan AutomaticAnswerGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Timeout of one staff notification webhook call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a console sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Largest pack zip accepted for import.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxPackBytes { get; set; } = 20 * 1024 * 1024;
}
