using Assistant.Core.Configuration;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WhatsAppOptions>()
            .BindConfiguration(WhatsAppOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppSecret), "WhatsApp:AppSecret is required by the webhook (the key of X-Hub-Signature-256).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.VerifyToken), "WhatsApp:VerifyToken is required by the webhook (the GET /webhook handshake).")
            .ValidateOnStart();

        builder.AddRedisClient("redis");
    }
}
