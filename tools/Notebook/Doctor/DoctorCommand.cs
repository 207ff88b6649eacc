using System.Runtime.InteropServices;
using TorchSharp;

namespace RnnWorkbook.Notebook.Doctor;

/// <summary>Reports what a learner's machine has, for troubleshooting.</summary>
public static class DoctorCommand
{
    public static int Run(TextWriter stdout)
    {
        stdout.WriteLine($"runtime   .NET {Environment.Version} ({RuntimeInformation.FrameworkDescription})");
        stdout.WriteLine($"os        {RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})");
        var ok = true;
        try
        {
            var sum = torch.ones(3).sum().item<float>();
            stdout.WriteLine($"torch     loads: ones(3).sum() = {sum}");
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            stdout.WriteLine($"torch     does NOT load: {e.Message}");
            ok = false;
        }

        return ok ? 0 : 1;
    }
}
