using Assistant.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Containers or local processes is decided here, before Build(): a project that waits for a
// container never starts on a machine without a healthy container runtime.
var mode = InfrastructureModeResolver.Resolve(builder.Configuration);
var infrastructure = builder.AddAssistantInfrastructure(mode);
var secrets = builder.AddAssistantSecrets();
builder.AddAssistantServices(infrastructure, secrets);

builder.Build().Run();
