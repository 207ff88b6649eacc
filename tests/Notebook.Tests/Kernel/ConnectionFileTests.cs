using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

public class ConnectionFileTests
{
    [Fact]
    public void A_jupyter_connection_file_is_read_with_its_ports_and_key()
    {
        using var folder = new TempFolder();
        var path = folder.File("kernel-1.json");
        File.WriteAllText(path, """
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
             "ip": "127.0.0.1", "key": "a0b1", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": ".net-csharp"}
            """);

        var connection = ConnectionFile.Load(path);

        Assert.Equal(new ConnectionFile("tcp", "127.0.0.1", 50001, 50002, 50003, 50004, 50005, "a0b1", "hmac-sha256"), connection);
        Assert.Equal("tcp://127.0.0.1:50004", connection.Endpoint(connection.ControlPort));
    }

    [Theory]
    [InlineData("""{"transport":"ipc","ip":"kernel","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}""", "transport 'ipc' is not supported")]
    [InlineData("""{"ip":"127.0.0.1","iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}""", "'shell_port' is missing")]
    [InlineData("""{"ip":"127.0.0.1","shell_port":70000,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}""", "'shell_port' must be a port number")]
    [InlineData("""{"ip":"127.0.0.1",""", "not valid JSON")]
    public void Bad_connection_files_fail_naming_the_file_and_the_problem(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => ConnectionFile.Load(path));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public async Task The_kernel_binds_only_the_address_the_file_names_and_reports_free_ports_it_chose()
    {
        await using var server = new KernelServer(ConnectionFile.Loopback(), new KernelOptions("/tmp/x.ipynb", "/tmp/nuget-unused"), TextWriter.Null);

        var bound = server.Connection;
        Assert.Equal("127.0.0.1", bound.Ip);
        Assert.All([bound.ShellPort, bound.IOPubPort, bound.StdinPort, bound.ControlPort, bound.HeartbeatPort], p => Assert.InRange(p, 1, 65535));
        Assert.Equal(5, new[] { bound.ShellPort, bound.IOPubPort, bound.StdinPort, bound.ControlPort, bound.HeartbeatPort }.Distinct().Count());
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        var shell = Assert.Single(listeners, l => l.Port == bound.ShellPort);
        Assert.Equal(System.Net.IPAddress.Loopback, shell.Address);
    }
}
