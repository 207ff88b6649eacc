using System.Diagnostics;
using System.Globalization;
using RnnWorkbook.Embeddings;
using RnnWorkbook.Tests.Data;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>A fact that needs Debian's python3-gensim; skipped, saying why, without it.</summary>
public sealed class GensimFactAttribute : FactAttribute
{
    public GensimFactAttribute()
    {
        if (!GensimInteropTests.GensimAvailable)
        {
            Skip = "gensim is not installed for /usr/bin/python3 (apt-get install python3-gensim).";
        }
    }
}

/// <summary>Our word2vec files read by gensim's KeyedVectors, and gensim's files read by us, both formats.</summary>
public class GensimInteropTests
{
    internal static bool GensimAvailable { get; } = Python("import gensim").ExitCode == 0;

    private static (int ExitCode, string Output) Python(string code)
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return (-1, "");
        }

        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", code]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    [GensimFact]
    public void Gensim_reads_our_files_and_we_read_gensims()
    {
        using var folder = new TempFolder();
        var ours = new WordVectors(["king", "queen", "한국어"], [0.5f, -1.25f, 3f, 1e-3f, 2f, -0.75f, 7f, 0f, 1.5f], 3);
        foreach (bool binary in new[] { false, true })
        {
            string path = Path.Combine(folder.Path, binary ? "ours.bin" : "ours.txt");
            Word2VecFormat.Save(ours, path, binary);
            string theirs = Path.Combine(folder.Path, binary ? "theirs.bin" : "theirs.txt");
            var (code, output) = Python(
                "from gensim.models import KeyedVectors\n" +
                $"kv = KeyedVectors.load_word2vec_format('{path}', binary={(binary ? "True" : "False")})\n" +
                "print(len(kv), kv.vector_size, repr(float(kv['한국어'][2])), repr(float(kv.similarity('king', 'queen'))))\n" +
                $"kv.save_word2vec_format('{theirs}', binary={(binary ? "True" : "False")})\n");
            Assert.Equal(0, code);
            string[] fields = output.Split(' ');
            Assert.Equal(["3", "3", "1.5"], fields[..3]);
            Assert.Equal(ours.Similarity("king", "queen"), double.Parse(fields[3], CultureInfo.InvariantCulture), 6);
            var back = Word2VecFormat.Load(theirs, binary);
            Assert.Equal(ours.Words, back.Words);
            Assert.Equal(ours.Data, back.Data);
        }
    }
}
