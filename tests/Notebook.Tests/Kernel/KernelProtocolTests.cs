using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>The kernel over real sockets: handshake, every output type, counts, statuses, stop on error.</summary>
public sealed class KernelProtocolTests : IAsyncLifetime
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
    public void Kernel_info_reply_describes_protocol_5_3_and_csharp()
    {
        var content = _kernel.KernelInfo.Content;

        Assert.Equal("kernel_info_reply", _kernel.KernelInfo.Type);
        Assert.Equal("ok", content["status"]!.GetValue<string>());
        Assert.Equal("5.3", content["protocol_version"]!.GetValue<string>());
        Assert.Equal("rnnworkbook", content["implementation"]!.GetValue<string>());
        var language = content["language_info"]!;
        Assert.Equal("C#", language["name"]!.GetValue<string>());
        Assert.Equal(".cs", language["file_extension"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["mimetype"]!.GetValue<string>());
        Assert.Equal("csharp", language["pygments_lexer"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+$", language["version"]!.GetValue<string>());
        Assert.Contains("RnnWorkbook", content["banner"]!.GetValue<string>());
        Assert.Equal("5.3", _kernel.KernelInfo.Header["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_heartbeat_echoes()
    {
        Assert.True(Client.Ping(KernelTestClient.DefaultTimeout));
    }

    [Fact]
    public void Console_output_arrives_as_stream_messages_in_order()
    {
        var run = Client.Execute("Console.Write(\"a\"); Console.WriteLine(\"b\"); Console.Error.WriteLine(\"oops\"); Console.WriteLine(\"c\");");

        var streams = run.OfType("stream").Select(m => (m.Content["name"]!.GetValue<string>(), m.Content["text"]!.GetValue<string>())).ToList();
        Assert.Equal([("stdout", "ab\n"), ("stderr", "oops\n"), ("stdout", "c\n")], streams);
        Assert.Equal("ok", run.Status);
    }

    [Fact]
    public void Display_and_update_share_the_display_id_in_transient()
    {
        var run = Client.Execute("var h = display(\"step 1\");\nh.Update(\"step 2\");");

        var shown = Assert.Single(run.OfType("display_data"));
        var updated = Assert.Single(run.OfType("update_display_data"));
        Assert.Equal("step 1", shown.Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("step 2", updated.Content["data"]!["text/plain"]!.GetValue<string>());
        var id = shown.Content["transient"]!["display_id"]!.GetValue<string>();
        Assert.Equal(32, id.Length);
        Assert.Equal(id, updated.Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Contains("step 1", shown.Content["data"]!["text/html"]!.GetValue<string>());
    }

    [Fact]
    public void The_last_expression_is_the_execute_result_with_the_execution_count()
    {
        var run = Client.Execute("var x = 6;\nx * 7");

        var result = Assert.Single(run.OfType("execute_result"));
        Assert.Equal("42", result.Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(1, result.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(1, run.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal("ok", run.Status);
        Assert.IsType<JsonObject>(run.Reply.Content["user_expressions"]);
    }

    [Fact]
    public void A_failing_cell_publishes_an_error_and_replies_error_with_ename_evalue_traceback()
    {
        var run = Client.Execute("var list = new List<int>();\nthrow new InvalidOperationException(\"bad input\");");

        var error = Assert.Single(run.OfType("error")).Content;
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("bad input", error["evalue"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("in cell, line 2"));
        Assert.Equal("error", run.Status);
        Assert.Equal("System.InvalidOperationException", run.Reply.Content["ename"]!.GetValue<string>());
        Assert.Equal("bad input", run.Reply.Content["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void A_compile_error_names_the_line_and_column()
    {
        var run = Client.Execute("var a = 1;\nvar b = a + missing;");

        var error = Assert.Single(run.OfType("error")).Content;
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.StartsWith("(2,13): error CS0103", error["traceback"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Busy_comes_first_and_idle_last_with_the_request_as_parent()
    {
        var execute = Client.Execute("Console.WriteLine(1); 2");
        var complete = Client.Send(KernelChannel.Shell, "complete_request", new JsonObject { ["code"] = "Con", ["cursor_pos"] = 3 });
        Assert.NotNull(Client.Receive(KernelChannel.Shell, KernelTestClient.DefaultTimeout));
        var completeIOPub = Client.CollectIOPub(complete, KernelTestClient.DefaultTimeout);

        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], execute.Types);
        Assert.Equal("busy", execute.IOPub[0].Content["execution_state"]!.GetValue<string>());
        Assert.Equal("idle", execute.IOPub[^1].Content["execution_state"]!.GetValue<string>());
        Assert.Equal(["busy", "idle"], completeIOPub.Select(m => m.Content["execution_state"]!.GetValue<string>()));
        Assert.Single(execute.IOPub.Select(m => m.Header["session"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public void Execution_count_increments_per_cell_but_not_for_silent_or_unstored_cells()
    {
        var first = Client.Execute("1");
        var silent = Client.Execute("var hidden = 5; Console.WriteLine(\"not shown\"); hidden", silent: true);
        var unstored = Client.Execute("2", storeHistory: false);
        var second = Client.Execute("hidden + 1");

        Assert.Equal(1, first.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(["status", "status"], silent.Types);
        Assert.Equal("ok", silent.Status);
        Assert.Equal(1, silent.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(1, unstored.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(2, second.Reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal("6", Assert.Single(second.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void After_an_error_queued_cells_are_aborted_until_the_queue_drains()
    {
        var failing = Client.SendExecute("System.Threading.Thread.Sleep(500);\nthrow new Exception(\"first\");");
        var queued = Client.SendExecute("var ran = true;");

        Assert.Equal("error", Client.Finish(failing, KernelTestClient.DefaultTimeout).Status);
        var aborted = Client.Finish(queued, KernelTestClient.DefaultTimeout);
        Assert.Equal("aborted", aborted.Status);
        Assert.DoesNotContain("execute_input", aborted.Types);

        var after = Client.Execute("ran");
        Assert.Equal("error", after.Status);
        Assert.Contains("CS0103", after.Reply.Content["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void Without_stop_on_error_queued_cells_still_run()
    {
        var failing = Client.SendExecute("System.Threading.Thread.Sleep(300);\nthrow new Exception(\"first\");", stopOnError: false);
        var queued = Client.SendExecute("var ran = true;");

        Assert.Equal("error", Client.Finish(failing, KernelTestClient.DefaultTimeout).Status);
        Assert.Equal("ok", Client.Finish(queued, KernelTestClient.DefaultTimeout).Status);
    }

    [Fact]
    public void Comm_info_and_history_are_empty_and_unknown_messages_are_ignored()
    {
        var comms = Client.Request(KernelChannel.Shell, "comm_info_request", []);
        var history = Client.Request(KernelChannel.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 });
        Client.Send(KernelChannel.Shell, "frobnicate_request", []);
        var after = Client.Execute("3");

        Assert.Empty(comms.Content["comms"]!.AsObject());
        Assert.Empty(history.Content["history"]!.AsArray());
        Assert.Equal("ok", after.Status);
        Assert.Contains("ignored unknown shell message frobnicate_request", _kernel.LogText);
    }

    [Fact]
    public void Kernel_info_is_answered_on_control_too()
    {
        var reply = Client.Request(KernelChannel.Control, "kernel_info_request", []);
        Assert.Equal("5.3", reply.Content["protocol_version"]!.GetValue<string>());
    }

    [Fact]
    public void Time_magic_and_nuget_lines_of_the_set_work_as_in_the_runner()
    {
        var run = Client.Execute("#!time\n#r \"nuget: Plotly.NET, 6.0.0\"\ntypeof(Plotly.NET.GenericChart).Assembly.GetName().Name");

        Assert.Equal("ok", run.Status);
        Assert.StartsWith("Wall time: ", Assert.Single(run.OfType("stream")).Content["text"]!.GetValue<string>());
        Assert.Equal("Plotly.NET", Assert.Single(run.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
    }
}
