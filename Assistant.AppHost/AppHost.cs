var builder = DistributedApplication.CreateBuilder(args);

var redis = builder.AddRedis("redis");

builder.AddProject<Projects.Assistant_Webhook>("webhook").WithReference(redis).WaitFor(redis);

builder.Build().Run();
