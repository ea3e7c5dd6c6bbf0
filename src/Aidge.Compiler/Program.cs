using Aidge.Compiler;

return AidgecCli.Run(args, Console.Out, Console.Error);
