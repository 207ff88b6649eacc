using System.Text;
using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>Builds the kernel's messages (its session id in every header) and hands them to the sockets.</summary>
public sealed class KernelMessenger(KernelSockets sockets)
{
    /// <summary>This kernel's session id, sent in the header of every message it sends.</summary>
    public string Session { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Answers <paramref name="request"/> on the channel it came from.</summary>
    public void Reply(KernelChannel channel, JupyterMessage request, string type, JsonObject content) =>
        sockets.Send(channel, JupyterMessage.Create(type, content, Session, request));

    /// <summary>Broadcasts on iopub, as a consequence of <paramref name="parent"/> when given.</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        sockets.Send(KernelChannel.IOPub, JupyterMessage.Create(type, content, Session, parent, [Encoding.UTF8.GetBytes(type)]));

    /// <summary>"starting", "busy" or "idle".</summary>
    public void Status(string state, JupyterMessage? parent) =>
        Publish("status", new JsonObject { ["execution_state"] = state }, parent);
}
