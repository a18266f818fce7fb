namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Cloud API limits for the message kinds we send (characters).</summary>
public static class OutboundLimits
{
    public const int TextBody = 4096;
    public const int InteractiveBody = 1024;
    public const int HeaderText = 60;
    public const int Footer = 60;
    public const int MaxButtons = 3;
    public const int ButtonTitle = 20;
    public const int ButtonId = 256;
    public const int MaxListRows = 10;
    public const int MaxListSections = 10;
    public const int ListButtonLabel = 20;
    public const int SectionTitle = 24;
    public const int RowTitle = 24;
    public const int RowDescription = 72;
    public const int RowId = 200;
    public const int Caption = 1024;
    public const string Ellipsis = "…";
}
