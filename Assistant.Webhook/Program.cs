var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapWebhookApi();
app.MapDefaultEndpoints();

app.Run();
