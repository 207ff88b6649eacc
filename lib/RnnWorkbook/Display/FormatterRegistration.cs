using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RnnWorkbook.Display;

internal static class FormatterRegistration
{
    /// <summary>
    /// Runs when a notebook first touches the library (its setup cell), in our engine and in .NET Interactive
    /// alike: from then on, sequences of records display as tables.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The library is loaded by notebook engines, and the tables must work without a call in every chapter.")]
    internal static void Register()
    {
        try
        {
            TableFormatter.Register();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            // A host without Microsoft.DotNet.Interactive.Formatting (a plain program) has nothing to register with.
        }
    }
}
