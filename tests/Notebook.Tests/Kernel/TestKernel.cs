using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>A kernel served in this process on free loopback ports, with a client that has shaken hands.</summary>
internal sealed class TestKernel : IAsyncDisposable
{
    private readonly StringWriter _log = new();

    public TestKernel(string? nugetCache = null)
    {
        Folder = new TempFolder();
        Log = TextWriter.Synchronized(_log);
        var options = new KernelOptions(Folder.File("kernel-test.ipynb"), nugetCache ?? Folder.File("nuget"));
        Server = new KernelServer(ConnectionFile.Loopback(), options, Log);
        Server.Start();
        Client = new KernelTestClient(Server.Connection);
        KernelInfo = Client.Handshake();
    }

    public TempFolder Folder { get; }

    public KernelServer Server { get; }

    public KernelTestClient Client { get; }

    public JupyterMessage KernelInfo { get; }

    public TextWriter Log { get; }

    public string LogText
    {
        get
        {
            lock (Log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
