namespace RnnWorkbook.Notebook.Kernel;

/// <summary>The Jupyter channels a kernel serves (heartbeat is echoed by the sockets themselves).</summary>
public enum KernelChannel
{
    Shell,
    Control,
    Stdin,
    IOPub,
}
