using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>
/// Tests that read process-wide GC counters run alone: collections caused by tests on other threads would be
/// counted against the code under test.
/// </summary>
[CollectionDefinition(nameof(GarbageCollectionTests), DisableParallelization = true)]
public sealed class GarbageCollectionCollection;

[Collection(nameof(GarbageCollectionTests))]
public class GarbageCollectionTests
{
    [Fact]
    public void A_steady_state_training_step_allocates_no_large_array_and_collects_no_gen2()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 1000, wordVecSize: 100, hiddenSize: 100, seed: 11);
        var trainer = new Trainer<float>(model, new Adam<float>(0.001)) { MaxGradNorm = 0.25 };
        var batches = new TbpttBatcher([.. Enumerable.Range(0, 20_000).Select(i => i * 7919 % 1000)], 20, 35);
        for (int i = 0; i < 5; i++)
        {
            var (xs, ts) = batches.Next();
            trainer.Step(xs, ts);
        }

        int gen2 = GC.CollectionCount(2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        const int Steps = 10;
        for (int i = 0; i < Steps; i++)
        {
            var (xs, ts) = batches.Next();
            trainer.Step(xs, ts);
        }

        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / Steps;
        // The (B·T, V) scores alone are 2.8 MB: had any step array been allocated anew, this would be far above 85 KB.
        Assert.True(perStep < 85_000, $"{perStep} bytes allocated per step");
        Assert.Equal(gen2, GC.CollectionCount(2));
    }
}
