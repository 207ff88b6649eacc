namespace RnnWorkbook.Tests.Platform;

/// <summary>A fact about the Linux loader and libstdc++: skipped, and reported as skipped, on other systems.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "Checks the Linux dynamic loader's view of libstdc++.";
    }
}
