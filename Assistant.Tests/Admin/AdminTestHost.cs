using Assistant.Admin;
using Assistant.Core.Knowledge.Embeddings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Admin;

/// <summary>
/// The real admin app in process (TestServer) against a test Redis, configured as CONTRACTS.md
/// section 1 says. Background sweeps run once at start and then hourly, so tests run them
/// themselves at chosen moments; the embedding model is replaced by a small deterministic one.
/// </summary>
public sealed class AdminTestHost(string redisConnectionString) : WebApplicationFactory<AdminOptions>
{
    public const string OwnerEmail = "owner@localhost";
    public const string OwnerPassword = "owner-password-1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:redis", redisConnectionString);
        builder.UseSetting("Admin:InitialOwnerPassword", OwnerPassword);
        builder.UseSetting("Admin:SweepInterval", "01:00:00");
        builder.UseSetting("Admin:DraftEscalationAfter", "00:00:30");
        builder.UseSetting("Admin:HandoffIdleRelease", "00:30:00");
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator(MiniLmEmbeddingGenerator.Dimensions)));
    }
}
