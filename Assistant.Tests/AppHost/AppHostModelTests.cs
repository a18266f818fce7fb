using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.AppHost;

/// <summary>The application model of each infrastructure mode, built but not started.</summary>
public sealed class AppHostModelTests
{
    private static readonly string[] ServiceNames = ["webhook", "worker", "admin"];

    [Fact]
    public async Task Containers_mode_declares_redis_qdrant_and_ollama_as_pinned_images_with_volumes()
    {
        await using var app = await BuildAsync("containers");
        var resources = Model(app).Resources;

        foreach (var name in new[] { "redis", "qdrant", "ollama" })
        {
            var container = Assert.IsAssignableFrom<ContainerResource>(resources.Single(r => r.Name == name));
            var image = Assert.Single(container.Annotations.OfType<ContainerImageAnnotation>());
            Assert.False(string.IsNullOrEmpty(image.Tag), $"{name} has no pinned tag");
            Assert.NotEqual("latest", image.Tag);
            Assert.Contains(container.Annotations.OfType<ContainerMountAnnotation>(), m => m.Type == ContainerMountType.Volume);
            Assert.Contains(container.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        }

        Assert.DoesNotContain(resources, r => r is LocalRedisResource);
    }

    [Fact]
    public async Task Containers_mode_runs_redis_with_the_append_only_file()
    {
        await using var app = await BuildAsync("containers");
        var redis = Model(app).Resources.OfType<RedisResource>().Single();

        var args = await ResourceConfiguration.ArgumentsAsync(redis, DistributedApplicationOperation.Run, app.Services);

        Assert.Contains("--appendonly yes", string.Join(' ', args), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_declares_an_executable_redis_and_no_container()
    {
        await using var app = await BuildAsync("local");
        var resources = Model(app).Resources;

        var redis = Assert.IsType<LocalRedisResource>(resources.Single(r => r.Name == "redis"));
        Assert.EndsWith("redis-server", redis.Command, StringComparison.Ordinal);
        Assert.Contains(redis.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
        Assert.DoesNotContain(resources, r => r is ContainerResource);
        Assert.DoesNotContain(resources, r => r.Name is "qdrant" or "ollama");
    }

    [Theory]
    [InlineData("local")]
    [InlineData("containers")]
    public async Task Every_service_gets_redis_the_packs_and_a_health_check(string mode)
    {
        await using var app = await BuildAsync(mode);
        var resources = Model(app).Resources;

        foreach (var name in ServiceNames)
        {
            var project = Assert.IsType<ProjectResource>(resources.Single(r => r.Name == name));
            var env = await ResourceConfiguration.EnvironmentAsync(project, DistributedApplicationOperation.Publish, app.Services);
            Assert.Contains("ConnectionStrings__redis", env.Keys);
            Assert.Contains("Assistant__PacksPath", env.Keys);
            Assert.Contains(project.Annotations.OfType<HealthCheckAnnotation>(), _ => true);
            Assert.Contains(project.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name == "redis");
            if (mode == "containers")
            {
                Assert.Contains("ConnectionStrings__qdrant", env.Keys);
                Assert.Contains("ConnectionStrings__ollama", env.Keys);
                Assert.Equal("bge-m3", env["Knowledge__EmbeddingModel"]);
                Assert.Equal("1024", env["Knowledge__EmbeddingDimensions"]);
            }
        }
    }

    [Fact]
    public async Task Webhook_gets_its_secrets_and_no_llm_key_is_invented()
    {
        await using var app = await BuildAsync("local");
        var resources = Model(app).Resources;

        var webhookEnv = await ResourceConfiguration.EnvironmentAsync(
            resources.OfType<ProjectResource>().Single(r => r.Name == "webhook"), DistributedApplicationOperation.Publish, app.Services);
        // Publish mode shows where each value comes from: the secret parameters, never a literal.
        Assert.Equal("{whatsapp-app-secret.value}", webhookEnv["WhatsApp__AppSecret"]);
        Assert.Equal("{whatsapp-verify-token.value}", webhookEnv["WhatsApp__VerifyToken"]);

        var workerEnv = await ResourceConfiguration.EnvironmentAsync(
            resources.OfType<ProjectResource>().Single(r => r.Name == "worker"), DistributedApplicationOperation.Publish, app.Services);
        Assert.DoesNotContain(workerEnv.Keys, k => k.StartsWith("Llm__Providers", StringComparison.Ordinal));
        Assert.DoesNotContain("WhatsApp__AccessToken", workerEnv.Keys);
    }

    [Fact]
    public async Task Configured_llm_keys_become_the_fallback_chain_in_order()
    {
        await using var app = await BuildAsync("local", "Parameters:groq-api-key=gk", "Parameters:mistral-api-key=mk", "Worker:Replicas=2");
        var worker = Model(app).Resources.OfType<ProjectResource>().Single(r => r.Name == "worker");

        var env = await ResourceConfiguration.EnvironmentAsync(worker, DistributedApplicationOperation.Publish, app.Services);

        Assert.Equal("groq", env["Llm__Providers__0__Name"]);
        Assert.Equal("openai", env["Llm__Providers__0__Kind"]);
        Assert.Equal("{groq-api-key.value}", env["Llm__Providers__0__ApiKey"]);
        Assert.Equal("mistral", env["Llm__Providers__1__Name"]);
        Assert.Equal("{mistral-api-key.value}", env["Llm__Providers__1__ApiKey"]);
        Assert.Equal(2, worker.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
    }

    /// <summary>The AppHost's model as its Program declared it; nothing is built or started.</summary>
    private static async Task<ModelUnderTest> BuildAsync(string mode, params string[] extra)
    {
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.Assistant_AppHost>(AppHostArguments.For(mode, Path.GetTempPath(), extra))
            .Within(TestTimeouts.Startup);
        return new ModelUnderTest(builder);
    }

    private static ModelUnderTest Model(ModelUnderTest app) => app;

    private sealed class ModelUnderTest(IDistributedApplicationTestingBuilder builder) : IAsyncDisposable
    {
        private ServiceProvider? _services;

        public IResourceCollection Resources => builder.Resources;

        public IServiceProvider Services => _services ??= builder.Services.BuildServiceProvider();

        public async ValueTask DisposeAsync()
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }
            await builder.DisposeAsync();
        }
    }
}
