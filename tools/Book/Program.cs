using RnnWorkbook.Book;

return BookCommand.Run(args, Console.Out, Console.Error);
