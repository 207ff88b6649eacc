namespace RnnWorkbook.Scratch;

/// <summary>
/// Chapter 7's task with a long gap: a sequence starts with one of <see cref="Symbols"/> symbols, then k random
/// distractors, then a query mark; the model must answer the first symbol. Chance is 1 in 8, and the answer
/// sits exactly k + 1 steps before the query, so accuracy against k measures how far back a model can learn
/// to look. Chapters 7 and 8 train an RNN, an LSTM and a GRU on it (<see cref="DelayedRecallModel"/>).
/// </summary>
/// <remarks>
/// Ids: symbols 0 … 7, distractors 8 … 15, query 16. A batch with gap k is xs (B, k + 2) and answers (B).
/// </remarks>
public static class DelayedRecall
{
    /// <summary>The symbols to remember (ids 0 … 7), and the classes of the answer.</summary>
    public const int Symbols = 8;

    /// <summary>The distractors between symbol and query (ids 8 … 15).</summary>
    public const int Distractors = 8;

    /// <summary>The id of the query mark.</summary>
    public const int Query = Symbols + Distractors;

    /// <summary>The ids of the task: symbols, distractors and the query.</summary>
    public const int VocabularySize = Query + 1;

    /// <summary>The largest gap training draws.</summary>
    public const int MaxGap = 40;

    /// <summary>D, the size of each id's embedding.</summary>
    public const int EmbeddingSize = 16;

    #region Batch
    /// <summary>B sequences with gap k: [symbol, k distractors, query], and the symbol as the answer.</summary>
    public static (NdArray<int> Xs, NdArray<int> Answers) Batch(Random random, int batch, int gap)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        var xs = new NdArray<int>(batch, gap + 2);
        var answers = new NdArray<int>(batch);
        for (int b = 0; b < batch; b++)
        {
            answers[b] = random.Next(DelayedRecall.Symbols);
            xs[b, 0] = answers[b];
            for (int t = 1; t <= gap; t++)
            {
                xs[b, t] = DelayedRecall.Symbols + random.Next(DelayedRecall.Distractors);
            }

            xs[b, gap + 1] = DelayedRecall.Query;
        }

        return (xs, answers);
    }
    #endregion

    /// <summary>
    /// A model with a recurrent layer of the given kind (null: the vanilla RNN, <see cref="TimeRnn{T}"/>), hidden
    /// size <paramref name="hidden"/>, not stateful. W_x ~ N(0, 1/D), W_h ~ N(0, 1/H) from seed + 1, biases 0;
    /// the embedding and output weights from <paramref name="seed"/>.
    /// </summary>
    public static DelayedRecallModel NewModel(RecurrentKind? kind, int hidden, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        var r = new NormalRandom(seed + 1);
        int d = EmbeddingSize, h = hidden;
        IRecurrentLayer<float> layer = kind switch
        {
            RecurrentKind.Lstm => new TimeLstm<float>(r.Randn<float>(1 / Math.Sqrt(d), d, 4 * h), r.Randn<float>(1 / Math.Sqrt(h), h, 4 * h), new NdArray<float>(4 * h), stateful: false),
            RecurrentKind.Gru => new TimeGru<float>(r.Randn<float>(1 / Math.Sqrt(d), d, 3 * h), r.Randn<float>(1 / Math.Sqrt(h), h, 3 * h), new NdArray<float>(3 * h), new NdArray<float>(h), stateful: false),
            null => new TimeRnn<float>(r.Randn<float>(1 / Math.Sqrt(d), d, h), r.Randn<float>(1 / Math.Sqrt(h), h, h), new NdArray<float>(h), stateful: false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind: expected Lstm, Gru or null (the vanilla RNN)."),
        };
        return new DelayedRecallModel(layer, seed);
    }

    #region Train
    /// <summary>
    /// <paramref name="steps"/> steps of Adam at 0.005 with clipping at 1, each on 32 sequences with one gap drawn
    /// uniformly from 1 to <see cref="MaxGap"/>; returns the loss of each step.
    /// </summary>
    public static List<double> Train(DelayedRecallModel model, int steps, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var random = new Random(seed);
        var adam = new Adam<float>(0.005);
        var values = model.Parameters.Select(p => p.Value).ToList();
        var grads = model.Parameters.Select(p => p.Gradient).ToList();
        var losses = new List<double>();
        for (int step = 1; step <= steps; step++)
        {
            var (xs, answers) = DelayedRecall.Batch(random, 32, 1 + random.Next(DelayedRecall.MaxGap));
            double loss = model.TrainStep(xs, answers);
            if (!double.IsFinite(loss))
            {
                throw new NotFiniteNumberException($"delayed recall: the loss became {loss} at step {step}; lower the learning rate or clip harder.", loss);
            }

            GradientClipping.ClipByGlobalNorm(grads, 1.0);
            adam.Update(values, grads);
            losses.Add(loss);
        }

        return losses;
    }
    #endregion

    /// <summary>The share of <paramref name="count"/> new sequences with gap <paramref name="gap"/> (seeded by the gap) answered right.</summary>
    public static double Accuracy(DelayedRecallModel model, int gap, int count = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var (xs, answers) = Batch(new Random(1000 + gap), count, gap);
        var scores = model.Scores(xs);
        int correct = 0;
        for (int b = 0; b < count; b++)
        {
            var row = scores.Data.AsSpan(b * Symbols, Symbols);
            int best = 0;
            for (int j = 1; j < Symbols; j++)
            {
                if (row[j] > row[best])
                {
                    best = j;
                }
            }

            if (best == answers[b])
            {
                correct++;
            }
        }

        return correct / (double)count;
    }

    #region GradientByStep
    /// <summary>
    /// Puts the loss at the last step of <paramref name="xs"/> and walks back by hand, cell by cell on the trained
    /// weights (<see cref="RnnCell{T}"/>, <see cref="LstmCell{T}"/>, <see cref="GruCell{T}"/>), recording the size
    /// of the gradient that reaches each step.
    /// </summary>
    public static DelayedRecallGradients GradientByStep(DelayedRecallModel model, NdArray<int> xs, NdArray<int> answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xs);
        static double Norm(NdArray<float> a)
        {
            double sum = 0;
            foreach (float v in a.Data)
            {
                sum += (double)v * v;
            }

            return Math.Sqrt(sum);
        }

        int steps = xs.Dim(1), batch = xs.Dim(0), h = model.Recurrent.HiddenSize;
        var p = model.Recurrent.Parameters;
        var inputs = model.Embedding.Forward(xs);
        model.Loss.Forward(model.Scores(xs), answers);
        var dh = model.Output.Backward(model.Loss.Backward(1f)); // ∂L/∂h at the last step
        var hidden = new double[steps];
        switch (model.Recurrent)
        {
            case TimeLstm<float>:
            {
                var cells = Enumerable.Range(0, steps).Select(_ => new LstmCell<float>(p[0], p[1], p[2])).ToArray();
                var (hs, cs) = (Nd.Zeros<float>(batch, h), Nd.Zeros<float>(batch, h));
                for (int t = 0; t < steps; t++)
                {
                    (hs, cs) = cells[t].Forward(inputs.Step(t), hs, cs);
                }

                var dc = Nd.Zeros<float>(batch, h);
                var cell = new double[steps];
                for (int t = steps - 1; t >= 0; t--)
                {
                    hidden[t] = Norm(dh);
                    var (_, dhPrev, dcPrev) = cells[t].Backward(dh, dc);
                    cell[t] = Norm(dcPrev); // ∂L/∂C_{t-1}: what crosses from step t to step t − 1
                    (dh, dc) = (dhPrev, dcPrev);
                }

                double[] forget = [.. cells.Select(c => c.Gates.F.Data.Average(v => (double)v))];
                return new DelayedRecallGradients(hidden, cell, forget);
            }

            case TimeGru<float>:
            {
                var cells = Enumerable.Range(0, steps).Select(_ => new GruCell<float>(p[0], p[1], p[2], p[3])).ToArray();
                var hs = Nd.Zeros<float>(batch, h);
                for (int t = 0; t < steps; t++)
                {
                    hs = cells[t].Forward(inputs.Step(t), hs);
                }

                for (int t = steps - 1; t >= 0; t--)
                {
                    hidden[t] = Norm(dh);
                    dh = cells[t].Backward(dh).DhPrev;
                }

                return new DelayedRecallGradients(hidden, null, null);
            }

            case TimeRnn<float>:
            {
                var cells = Enumerable.Range(0, steps).Select(_ => new RnnCell<float>(p[0], p[1], p[2])).ToArray();
                var hs = Nd.Zeros<float>(batch, h);
                for (int t = 0; t < steps; t++)
                {
                    hs = cells[t].Forward(inputs.Step(t), hs);
                }

                for (int t = steps - 1; t >= 0; t--)
                {
                    hidden[t] = Norm(dh);
                    dh = cells[t].Backward(dh).DhPrev;
                }

                return new DelayedRecallGradients(hidden, null, null);
            }

            default:
                throw new ArgumentException($"model: expected a TimeRnn, TimeLstm or TimeGru layer, got {model.Recurrent.GetType().Name}.", nameof(model));
        }
    }
    #endregion
}
