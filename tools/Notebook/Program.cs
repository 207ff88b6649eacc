using RnnWorkbook.Notebook;

return await Cli.RunAsync(args, Console.Out, Console.Error);
