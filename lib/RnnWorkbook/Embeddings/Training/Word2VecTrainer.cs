using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Trains word2vec (skip-gram or CBOW with negative sampling) and FastText in the manner of word2vec.c: each
/// thread walks its share of the corpus and updates the shared weights without locks (Hogwild, Recht et al.
/// 2011), the learning rate falls linearly over the whole run, and all randomness comes from word2vec.c's
/// linear congruential generator seeded per thread, so a single-threaded run is bit-identical for a seed.
/// </summary>
/// <remarks>
/// <para>One update, for an input h (a word's vector, or for FastText the mean of its word and n-gram rows;
/// for CBOW the mean over the window) and an output word o with k negatives n_j:</para>
/// <code>
///   g_o = η (1 − σ(h·v_o))     g_j = η (0 − σ(h·v_nj))        v are rows of the output matrix
///   v_o += g_o h,  v_nj += g_j h,   and every input row of h += g_o v_o + Σ_j g_j v_nj
/// </code>
/// <para>The step itself is <see cref="NegativeSamplingStep.Step"/>.</para>
/// </remarks>
public static class Word2VecTrainer
{
    private const int CheckpointWords = 10_000;
    private const int TableSize = 1 << 23;

    /// <summary>Builds the vocabulary from <paramref name="sentences"/> and trains on them.</summary>
    public static Word2VecModel Train(
        IReadOnlyList<IReadOnlyList<string>> sentences, Word2VecOptions options,
        IProgress<Word2VecProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var vocabulary = EmbeddingVocabulary.Build(sentences, options.MinCount);
        return Train(vocabulary, vocabulary.Encode(sentences), options, progress, cancellationToken);
    }

    /// <summary>Trains on a corpus already encoded with <paramref name="vocabulary"/>.</summary>
    /// <exception cref="ArgumentException">The vocabulary has fewer words than training needs.</exception>
    /// <exception cref="InvalidOperationException">Training diverged (a score became NaN); the message names the step.</exception>
    public static Word2VecModel Train(
        EmbeddingVocabulary vocabulary, EncodedCorpus corpus, Word2VecOptions options,
        IProgress<Word2VecProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int needed = options.Negative + 2;
        if (vocabulary.Count < needed)
        {
            throw new ArgumentException(
                $"vocabulary: the corpus has {vocabulary.Count} distinct words seen at least {options.MinCount} times; " +
                $"training with {options.Negative} negatives needs at least {needed}. Use a larger corpus or a lower MinCount.",
                nameof(vocabulary));
        }

        var run = new Run(vocabulary, corpus, options, cancellationToken);
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, options.Threads)
            .Select(id => new Thread(() => run.Work(id)) { IsBackground = true, Name = $"word2vec {id}" }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        var lastReport = (Words: 0L, Loss: 0.0, Pairs: 0L);
        foreach (var thread in threads)
        {
            while (!thread.Join(500))
            {
                lastReport = Report(run, progress, clock, lastReport);
            }
        }

        clock.Stop();
        run.ThrowIfFailed();
        Report(run, progress, clock, lastReport);
        return new Word2VecModel(vocabulary, options, run.Input, run.Output, run.InputRows, clock.Elapsed,
            run.WordsDone, run.TotalLoss / Math.Max(1, run.TotalPairs));
    }

    private static (long Words, double Loss, long Pairs) Report(
        Run run, IProgress<Word2VecProgress>? progress, Stopwatch clock, (long Words, double Loss, long Pairs) last)
    {
        var now = (Words: run.WordsDone, Loss: run.TotalLoss, Pairs: run.TotalPairs);
        if (progress is not null)
        {
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            long pairs = now.Pairs - last.Pairs;
            double loss = pairs > 0 ? (now.Loss - last.Loss) / pairs : run.TotalLoss / Math.Max(1, run.TotalPairs);
            progress.Report(new Word2VecProgress(now.Words, run.WordsTotal, now.Words / seconds, loss, run.LearningRate, clock.Elapsed));
        }

        return now;
    }

    /// <summary>The shared state of one training run, and the loop each thread runs.</summary>
    private sealed class Run
    {

        private readonly EncodedCorpus _corpus;
        private readonly Word2VecOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly int _dim;
        private readonly float[] _keep;
        private readonly int[] _table;
        private readonly double _startLearningRate, _minLearningRate;
        private readonly int[] _threadStarts;
        private readonly object _gate = new();
        private long _wordsDone;
        private double _totalLoss;
        private long _totalPairs;
        private volatile bool _stop;
        private Exception? _failure;

        public Run(EmbeddingVocabulary vocabulary, EncodedCorpus corpus, Word2VecOptions options, CancellationToken cancellationToken)
        {
            (_corpus, _options, _cancellationToken, _dim) = (corpus, options, cancellationToken, options.Dimension);
            int v = vocabulary.Count;
            InputRows = BuildInputRows(vocabulary, options.Subwords);
            int inputCount = v + (options.Subwords?.Buckets ?? 0);
            Input = new float[(long)inputCount * _dim];
            Output = new float[(long)v * _dim];
            ulong random = (ulong)options.Seed;
            for (long i = 0; i < Input.Length; i++)
            {
                random = random * 25214903917 + 11;
                Input[i] = (((random & 0xFFFF) / 65536f) - 0.5f) / _dim;      // word2vec.c's initialisation
            }

            long trainWords = vocabulary.TrainWords;
            _keep = new float[v];
            for (int w = 0; w < v; w++)
            {
                _keep[w] = options.Sample > 0 ? (float)Subsampling.KeepProbability(vocabulary.Counts[w], trainWords, options.Sample) : 1f;
            }

            _table = BuildNegativeTable(vocabulary.Counts, options.NegativePower);
            _startLearningRate = options.StartingLearningRate;
            _minLearningRate = _startLearningRate * options.MinLearningRateFactor;
            LearningRate = _startLearningRate;
            WordsTotal = (long)options.Epochs * corpus.Length;
            _threadStarts = SplitSentences(corpus, options.Threads);
        }

        public float[] Input { get; }

        public float[] Output { get; }

        public int[][] InputRows { get; }

        public long WordsTotal { get; }

        public long WordsDone => Interlocked.Read(ref _wordsDone);

        public double TotalLoss { get { lock (_gate) { return _totalLoss; } } }

        public long TotalPairs { get { lock (_gate) { return _totalPairs; } } }

        public double LearningRate { get; private set; }

        public void ThrowIfFailed()
        {
            if (_failure is not null)
            {
                throw _failure is OperationCanceledException ? _failure : new InvalidOperationException(_failure.Message, _failure);
            }
        }

        public void Work(int threadId)
        {
            try
            {
                Loop(threadId);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                }

                _stop = true;
            }
        }

        private void Loop(int threadId)
        {
            ulong random = (ulong)threadId + (ulong)_options.Seed * 7919;
            var hidden = new float[_dim];
            var error = new float[_dim];
            var sentence = new int[_corpus.Length == 0 ? 1 : MaxSentenceLength()];
            var contextRows = new List<int>();
            var contexts = new List<int>();
            bool skipGram = _options.Architecture == Word2VecArchitecture.SkipGram;
            int window = _options.Window, negative = _options.Negative;
            int firstSentence = _threadStarts[threadId], endSentence = _threadStarts[threadId + 1];
            long localWords = 0;
            double localLoss = 0;
            long localPairs = 0;
            float alpha = (float)LearningRate;
            for (int epoch = 0; epoch < _options.Epochs && !_stop; epoch++)
            {
                for (int s = firstSentence; s < endSentence && !_stop; s++)
                {
                    int start = _corpus.SentenceStarts[s], end = _corpus.SentenceStarts[s + 1];
                    int length = 0;
                    for (int i = start; i < end; i++)
                    {
                        int word = _corpus.Ids[i];
                        random = random * 25214903917 + 11;
                        if (_keep[word] < (random & 0xFFFF) / 65536f)
                        {
                            continue;                                   // subsampled away
                        }

                        sentence[length++] = word;
                    }

                    localWords += end - start;
                    for (int position = 0; position < length; position++)
                    {
                        random = random * 25214903917 + 11;
                        int reduced = (int)(random % (ulong)window);      // window b..w as word2vec.c
                        int from = Math.Max(0, position - window + reduced), to = Math.Min(length - 1, position + window - reduced);
                        int centre = sentence[position];
                        if (skipGram && InputRows[centre].Length == 1)
                        {
                            // word2vec: one update per (centre, context) pair; as in word2vec.c and gensim, the context
                            // word's input row predicts the centre word (the same pairs as the other way round).
                            for (int c = from; c <= to; c++)
                            {
                                if (c != position)
                                {
                                    localLoss += Update(InputRows[sentence[c]], [centre], alpha, negative, hidden, error, ref random, epoch);
                                    localPairs++;
                                }
                            }
                        }
                        else if (skipGram)
                        {
                            // FastText: the mean of the centre's word and n-gram rows is computed once for its window,
                            // and the rows take the summed gradient once, instead of once per pair.
                            contexts.Clear();
                            for (int c = from; c <= to; c++)
                            {
                                if (c != position)
                                {
                                    contexts.Add(sentence[c]);
                                }
                            }

                            localLoss += Update(InputRows[centre], CollectionsMarshal.AsSpan(contexts), alpha, negative, hidden, error, ref random, epoch);
                            localPairs += contexts.Count;
                        }
                        else
                        {
                            contextRows.Clear();
                            for (int c = from; c <= to; c++)
                            {
                                if (c != position)
                                {
                                    contextRows.AddRange(InputRows[sentence[c]]);
                                }
                            }

                            if (contextRows.Count > 0)
                            {
                                localLoss += Update(CollectionsMarshal.AsSpan(contextRows), [centre], alpha, negative, hidden, error, ref random, epoch);
                                localPairs++;
                            }
                        }
                    }

                    if (localWords >= CheckpointWords)
                    {
                        alpha = Checkpoint(ref localWords, ref localLoss, ref localPairs, epoch);
                    }
                }
            }

            Checkpoint(ref localWords, ref localLoss, ref localPairs, _options.Epochs - 1);
        }

        private float Checkpoint(ref long words, ref double loss, ref long pairs, int epoch)
        {
            long done = Interlocked.Add(ref _wordsDone, words);
            if (double.IsNaN(loss))
            {
                throw new InvalidOperationException(
                    $"Training diverged: the loss became NaN in epoch {epoch + 1}, by word {done:N0} of {WordsTotal:N0} " +
                    $"(learning rate {LearningRate:G3}). Lower LearningRate.");
            }

            lock (_gate)
            {
                _totalLoss += loss;
                _totalPairs += pairs;
            }

            (words, loss, pairs) = (0, 0, 0);
            _cancellationToken.ThrowIfCancellationRequested();
            double rate = _startLearningRate * (1 - done / (double)(WordsTotal + 1));
            LearningRate = Math.Max(rate, _minLearningRate);
            return (float)LearningRate;
        }

        #region Update
        /// <summary>One input (the mean of <paramref name="rows"/>) predicts each of <paramref name="targets"/> against k negatives; returns the loss.</summary>
        private double Update(ReadOnlySpan<int> rows, ReadOnlySpan<int> targets, float alpha, int negative, float[] hidden, float[] error, ref ulong random, int epoch)
        {
            int d = _dim;
            Span<float> h;
            if (rows.Length == 1)
            {
                h = Input.AsSpan(rows[0] * d, d);                        // plain word2vec: the row itself
            }
            else
            {
                h = hidden;
                h.Clear();
                for (int r = 0; r < rows.Length; r++)
                {
                    TensorPrimitives.Add(h, Input.AsSpan(rows[r] * d, d), h);
                }

                TensorPrimitives.Multiply(h, 1f / rows.Length, h);
            }

            Span<float> e = error;
            e.Clear();
            double loss = 0;
            foreach (int target in targets)
            {
                loss += NegativeSamplingStep.Step(h, e, Output, target, negative, _table, alpha, ref random);
            }

            if (double.IsNaN(loss))
            {
                throw new InvalidOperationException(
                    $"Training diverged: a score became NaN in epoch {epoch + 1}, by word {WordsDone:N0} of {WordsTotal:N0} " +
                    $"(learning rate {alpha:G3}). Lower LearningRate.");
            }

            for (int r = 0; r < rows.Length; r++)
            {
                Span<float> row = Input.AsSpan(rows[r] * d, d);
                TensorPrimitives.Add(row, e, row);
            }

            return loss;
        }
        #endregion

        private int MaxSentenceLength()
        {
            int max = 1;
            for (int s = 0; s < _corpus.SentenceCount; s++)
            {
                max = Math.Max(max, _corpus.SentenceStarts[s + 1] - _corpus.SentenceStarts[s]);
            }

            return max;
        }

        private static int[][] BuildInputRows(EmbeddingVocabulary vocabulary, SubwordOptions? subwords)
        {
            var rows = new int[vocabulary.Count][];
            for (int w = 0; w < vocabulary.Count; w++)
            {
                rows[w] = subwords is null ? [w] : [w, .. SubwordNgrams.Buckets(vocabulary.Words[w], subwords).Select(b => vocabulary.Count + b)];
            }

            return rows;
        }

        private static int[] BuildNegativeTable(IReadOnlyList<long> counts, double power)
        {
            var table = new int[TableSize];
            double total = counts.Sum(c => Math.Pow(c, power));
            int word = 0;
            double cumulative = Math.Pow(counts[0], power) / total;
            for (int i = 0; i < TableSize; i++)
            {
                table[i] = word;
                if ((double)(i + 1) / TableSize > cumulative && word < counts.Count - 1)
                {
                    word++;
                    cumulative += Math.Pow(counts[word], power) / total;
                }
            }

            return table;
        }

        private static int[] SplitSentences(EncodedCorpus corpus, int threads)
        {
            var starts = new int[threads + 1];
            int s = 0;
            for (int t = 1; t < threads; t++)
            {
                long goal = (long)corpus.Length * t / threads;
                while (s < corpus.SentenceCount && corpus.SentenceStarts[s] < goal)
                {
                    s++;
                }

                starts[t] = s;
            }

            starts[threads] = corpus.SentenceCount;
            return starts;
        }
    }
}
