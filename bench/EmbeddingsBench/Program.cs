using System.Diagnostics;
using System.Globalization;
using RnnWorkbook.Data;
using RnnWorkbook.Embeddings;

// Chapter 04's benchmark: our word2vec trainer against gensim (python3-gensim), same run, same corpus file,
// dimension 100, window 5, 5 negatives, sample 1e-3, min count 5, 5 epochs, 2 threads. Words/s counts corpus
// words (after min-count, before subsampling) × epochs over the training wall time, for both.
// Each pair (ours, gensim) runs back to back, --repeat times, alternating, because the machine may be shared:
// compare the two rows of one round, or the best of each.
// Usage: dotnet run -c Release --project bench/EmbeddingsBench [-- --epochs 5 --threads 2 --repeat 2]
int epochs = ArgValue("--epochs", 5), threads = ArgValue("--threads", 2), repeat = ArgValue("--repeat", 2);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sentences = EmbeddingCorpora.Brown();
string folder = Directory.CreateTempSubdirectory("rnnworkbook-w2v-").FullName;
string corpusFile = Path.Combine(folder, "brown.txt");
File.WriteAllLines(corpusFile, sentences.Select(s => string.Join(' ', s)));
Console.WriteLine($"Brown: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Count):N0} words (lowercased, punctuation dropped); {Environment.ProcessorCount} cores; {epochs} epochs, {threads} threads");
var wordsim = WordSimilarity.WordSim353();
var simlex = WordSimilarity.SimLex999();
var analogies = WordSimilarity.Analogies();
string? python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : null;
string peer = Path.Combine(AppContext.BaseDirectory, "gensim_peer.py");

Console.WriteLine($"{"method",-22} {"seconds",8} {"words/s",10} {"WS353",6} {"SimLex",6} {"analogy",7} {"sem",6} {"syn",6}");
foreach (var architecture in Enumerable.Repeat(new[] { Word2VecArchitecture.SkipGram, Word2VecArchitecture.Cbow }, repeat).SelectMany(a => a))
{
    var options = new Word2VecOptions { Architecture = architecture, Epochs = epochs, Threads = threads };
    var model = Word2VecTrainer.Train(sentences, options);
    Row($"ours {architecture}", model.Elapsed.TotalSeconds, model.WordsPerSecond, model.Vectors);
    if (python is null)
    {
        Console.WriteLine("gensim: skipped, /usr/bin/python3 is missing (apt-get install python3-gensim)");
        continue;
    }

    string prefix = Path.Combine(folder, $"gensim-{architecture}");
    var start = new ProcessStartInfo(python, [peer, corpusFile, prefix, architecture == Word2VecArchitecture.SkipGram ? "sg" : "cbow", $"{threads}", $"{epochs}"])
    {
        RedirectStandardOutput = true, RedirectStandardError = true,
    };
    using var process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    string errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        Console.WriteLine($"gensim failed ({process.ExitCode}): {errors.Trim().Split('\n').LastOrDefault()}");
        continue;
    }

    string[] figures = output.Trim().Split(' ');
    Row($"gensim {architecture}", double.Parse(figures[0]), double.Parse(figures[1]), Word2VecFormat.Load(prefix + ".bin", binary: true));
}

Directory.Delete(folder, recursive: true);

void Row(string name, double seconds, double wordsPerSecond, WordVectors vectors)
{
    var ws = EmbeddingEvaluation.Similarity(vectors, wordsim, "WordSim353");
    var sl = EmbeddingEvaluation.Similarity(vectors, simlex, "SimLex-999");
    var an = EmbeddingEvaluation.Analogies(vectors, analogies);
    Console.WriteLine($"{name,-22} {seconds,8:F1} {wordsPerSecond,10:N0} {ws.Spearman,6:F3} {sl.Spearman,6:F3} {an.Overall.Accuracy,7:P1} {an.Semantic.Accuracy,6:P1} {an.Syntactic.Accuracy,6:P1}");
}

int ArgValue(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
