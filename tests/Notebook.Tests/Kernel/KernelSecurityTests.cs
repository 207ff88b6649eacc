using System.Text;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>Messages with a wrong or missing signature are dropped before anything runs them.</summary>
public sealed class KernelSecurityTests : IAsyncLifetime
{
    private TestKernel _kernel = null!;

    public Task InitializeAsync()
    {
        _kernel = new TestKernel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public void A_message_signed_with_another_key_gets_no_reply_and_does_not_run()
    {
        var marker = _kernel.Folder.File("ran.txt");
        using var intruder = new KernelTestClient(_kernel.Server.Connection, signingKey: "not-the-key");

        intruder.SendExecute($"System.IO.File.WriteAllText(@\"{marker}\", \"ran\");");
        var reply = intruder.Receive(KernelChannel.Shell, TimeSpan.FromSeconds(1));
        var check = _kernel.Client.Execute($"System.IO.File.Exists(@\"{marker}\")");

        Assert.Null(reply);
        Assert.Equal("False", Assert.Single(check.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.False(File.Exists(marker));
        Assert.Contains("dropped a message on shell: the message's signature is wrong", _kernel.LogText);
        Assert.Equal(1, check.Reply.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void An_unsigned_or_malformed_message_is_dropped_too()
    {
        var marker = _kernel.Folder.File("unsigned.txt");
        var header = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = $"System.IO.File.WriteAllText(@\"{marker}\", \"x\");" }, "intruder");
        _kernel.Client.SendRaw(KernelChannel.Shell, header.Encode(new MessageSigner("")));
        _kernel.Client.SendRaw(KernelChannel.Control, [Encoding.UTF8.GetBytes("garbage")]);

        var check = _kernel.Client.Execute($"System.IO.File.Exists(@\"{marker}\")");

        Assert.Equal("False", Assert.Single(check.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Contains("dropped a message on shell: the message is not signed", _kernel.LogText);
        Assert.Contains("dropped a message on control: not a Jupyter message", _kernel.LogText);
        Assert.Null(_kernel.Client.Receive(KernelChannel.Control, TimeSpan.FromMilliseconds(200)));
    }
}
