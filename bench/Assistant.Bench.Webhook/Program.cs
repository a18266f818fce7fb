using Assistant.Bench.Webhook;

return await WebhookBench.RunAsync(BenchOptions.Parse(args), Console.Out);
