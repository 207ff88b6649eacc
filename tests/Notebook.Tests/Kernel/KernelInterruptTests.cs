using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>interrupt_request on control stops a running cell, and the kernel goes on with its state.</summary>
public sealed class KernelInterruptTests : IAsyncLifetime
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(10);

    private TestKernel _kernel = null!;

    private KernelTestClient Client => _kernel.Client;

    public Task InitializeAsync()
    {
        _kernel = new TestKernel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("long n = 0;\nwhile (true) n++;")]
    [InlineData("for (var i = 0; ; i++) { var s = Math.Sqrt(i); }")]
    [InlineData("System.Threading.Thread.Sleep(60000);")]
    [InlineData("var gate = new object();\nlock (gate) { System.Threading.Monitor.Wait(gate); }")]
    public void A_long_cell_is_interrupted_promptly_and_the_kernel_goes_on(string cell)
    {
        Assert.Equal("ok", Client.Execute("var before = 41;").Status);
        // Interrupt once the cell runs (compiling it may take seconds on a loaded machine), a moment into its loop.
        var running = Client.SendExecute("Console.WriteLine(\"started\");\n" + cell);
        Client.WaitForOutput(running, "started", KernelTestClient.DefaultTimeout);
        Thread.Sleep(200);
        var stopwatch = Stopwatch.StartNew();
        var interrupt = Client.Request(KernelChannel.Control, "interrupt_request", []);
        var stopped = Client.Finish(running, s_prompt);
        stopwatch.Stop();

        Assert.Equal("interrupt_reply", interrupt.Type);
        Assert.Equal("ok", interrupt.Content["status"]!.GetValue<string>());
        Assert.Equal("error", stopped.Status);
        Assert.Equal("Interrupted", stopped.Reply.Content["ename"]!.GetValue<string>());
        Assert.True(stopwatch.Elapsed < s_prompt, $"took {stopwatch.Elapsed}");
        var after = Client.Execute("before + 1");
        Assert.Equal("42", Assert.Single(after.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void A_loop_in_a_function_from_an_earlier_cell_is_interrupted_too()
    {
        Assert.Equal("ok", Client.Execute("int Spin() { var n = 0; while (n >= 0) { n = (n + 1) % 1000; } return n; }").Status);
        var running = Client.SendExecute("Console.WriteLine(\"started\");\nSpin()");
        Client.WaitForOutput(running, "started", KernelTestClient.DefaultTimeout);
        Thread.Sleep(200);
        Client.Request(KernelChannel.Control, "interrupt_request", []);

        Assert.Equal("Interrupted", Client.Finish(running, s_prompt).Reply.Content["ename"]!.GetValue<string>());
    }

    [Fact]
    public void An_interrupt_with_no_cell_running_is_harmless()
    {
        Client.Request(KernelChannel.Control, "interrupt_request", []);
        Assert.Equal("ok", Client.Execute("System.Threading.Thread.Sleep(50); 1").Status);
    }

    [Fact]
    public void The_interrupted_cell_ends_the_queue_when_it_asked_to_stop_on_error()
    {
        var running = Client.SendExecute("Console.WriteLine(\"started\");\nwhile (true) { }");
        var queued = Client.SendExecute("1");
        Client.WaitForOutput(running, "started", KernelTestClient.DefaultTimeout);
        Thread.Sleep(200);
        Client.Send(KernelChannel.Control, "interrupt_request", new JsonObject());

        Assert.Equal("error", Client.Finish(running, s_prompt).Status);
        Assert.Equal("aborted", Client.Finish(queued, s_prompt).Status);
        Assert.NotNull(Client.Receive(KernelChannel.Control, s_prompt));
    }
}
