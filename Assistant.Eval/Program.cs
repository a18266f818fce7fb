using Assistant.Eval;

return await EvalCommand.RunAsync(args, Console.Out, CancellationToken.None);
