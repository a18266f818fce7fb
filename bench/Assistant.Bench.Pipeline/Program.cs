using Assistant.Bench.Pipeline;

// End-to-end pipeline benchmark (issue 5); run through bench/pipeline.sh, which builds, starts
// Redis and provides the services' environment.
return await new PipelineBench(PipelineOptions.Parse(args), Console.Out).RunAsync();
