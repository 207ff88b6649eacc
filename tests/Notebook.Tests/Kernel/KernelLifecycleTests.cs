using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>shutdown_request with and without restart, on control and on shell.</summary>
public sealed class KernelLifecycleTests : IAsyncLifetime
{
    private TestKernel _kernel = null!;

    private KernelTestClient Client => _kernel.Client;

    public Task InitializeAsync()
    {
        _kernel = new TestKernel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public void Restart_starts_a_fresh_session_and_count()
    {
        Assert.Equal("ok", Client.Execute("var kept = 1;").Status);
        Assert.Equal("ok", Client.Execute("kept").Status);

        var reply = Client.Request(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = true });
        var after = Client.Execute("kept");

        Assert.Equal("ok", reply.Content["status"]!.GetValue<string>());
        Assert.True(reply.Content["restart"]!.GetValue<bool>());
        Assert.Equal("error", after.Status);
        Assert.Contains("CS0103", after.Reply.Content["evalue"]!.GetValue<string>());
        Assert.Equal(1, after.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.False(_kernel.Server.Stopped.IsCompleted);
    }

    [Fact]
    public async Task Restart_while_a_cell_runs_interrupts_it()
    {
        var running = Client.SendExecute("Console.WriteLine(\"started\");\nwhile (true) { }");
        Client.WaitForOutput(running, "started", KernelTestClient.DefaultTimeout);
        Client.Request(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = true });

        Assert.Equal("error", Client.Finish(running, TimeSpan.FromSeconds(10)).Status);
        Assert.Equal("ok", Client.Execute("1").Status);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(KernelChannel.Control)]
    [InlineData(KernelChannel.Shell)]
    public async Task Shutdown_answers_then_stops_the_kernel(KernelChannel channel)
    {
        var reply = Client.Request(channel, "shutdown_request", new JsonObject { ["restart"] = false });

        Assert.Equal("shutdown_reply", reply.Type);
        Assert.False(reply.Content["restart"]!.GetValue<bool>());
        var stopped = await Task.WhenAny(_kernel.Server.Stopped, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(_kernel.Server.Stopped, stopped);
    }
}
