using System.Runtime.InteropServices;
using NetMQ;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// <c>notebook kernel install [--user | --prefix DIR]</c>, <c>kernel uninstall [--user | --prefix DIR]</c> and
/// <c>kernel run &lt;connection-file&gt;</c> (what Jupyter starts).
/// </summary>
public static class KernelCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        switch (args)
        {
            case ["install", .. var options]:
                var path = KernelSpecInstaller.Install(KernelsDirectory(options), DotnetHost.Path, typeof(KernelCommand).Assembly.Location);
                stdout.WriteLine($"installed the kernelspec '{KernelSpecInstaller.Name}' (\"{KernelSpecInstaller.DisplayName}\") at {path}");
                return 0;
            case ["uninstall", .. var options]:
                var directory = KernelsDirectory(options);
                try
                {
                    stdout.WriteLine(KernelSpecInstaller.Uninstall(directory)
                        ? $"removed the kernelspec '{KernelSpecInstaller.Name}' from {directory}"
                        : $"no kernelspec '{KernelSpecInstaller.Name}' in {directory}");
                    return 0;
                }
                catch (InvalidOperationException e)
                {
                    stderr.WriteLine($"notebook: {e.Message}");
                    return 1;
                }

            case ["run", var connectionFile]:
                return await ServeAsync(connectionFile, stderr);
            default:
                throw new ArgumentException("kernel expects install [--user | --prefix DIR], uninstall [--user | --prefix DIR] or run <connection-file>.");
        }
    }

    private static string KernelsDirectory(string[] options) => options switch
    {
        [] or ["--user"] => KernelSpecInstaller.UserKernelsDirectory(),
        ["--prefix", var prefix] => KernelSpecInstaller.PrefixKernelsDirectory(prefix),
        _ => throw new ArgumentException($"expected --user or --prefix DIR, got '{string.Join(' ', options)}'."),
    };

    private static async Task<int> ServeAsync(string connectionFile, TextWriter log)
    {
        ConnectionFile connection;
        try
        {
            connection = ConnectionFile.Load(connectionFile);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.WriteLine($"notebook: {e.Message}");
            return 1;
        }

        // Cells cannot read from the console: there is no terminal behind a Jupyter kernel.
        Console.SetIn(TextReader.Null);
        var server = new KernelServer(connection, KernelOptions.Default(), log);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            server.Interrupt();
        });
        server.Start();
        using var stop = new CancellationTokenSource();
        var parentEnded = ParentProcessWatch.ParentEndedAsync(stop.Token);
        if (await Task.WhenAny(server.Stopped, parentEnded) == parentEnded)
        {
            log.WriteLine("kernel: the Jupyter process that started this kernel has ended; stopping.");
        }

        await stop.CancelAsync();
        await server.DisposeAsync();
        NetMQConfig.Cleanup(block: false);
        return 0;
    }
}
