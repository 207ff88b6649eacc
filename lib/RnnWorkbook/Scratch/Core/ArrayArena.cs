namespace RnnWorkbook.Scratch;

/// <summary>
/// Recycles the temporary arrays of a training step. While an arena is entered on a thread, the results of
/// the array operations (<see cref="Nd"/>: <c>a.MatMul(b)</c>, <c>a + b</c>, <c>a.Tanh()</c>, …) are taken
/// from it; <see cref="Reset"/> hands all of them out again, in the same order, on the next step.
/// </summary>
/// <remarks>
/// <para>Without an entered arena every operation returns a new array, so code written in a notebook is
/// always correct: no result is ever overwritten. A model enters its own arena for a training step
/// (Forward resets it, Backward continues in it): the step's arrays stay valid until its next Forward, and a
/// steady-state step allocates no new buffers (none on the large object heap, so no Gen2 collections).</para>
/// <para>Arrays are pooled by element type and length; a step that asks for the same sizes in the same
/// order gets the same buffers back. Not thread-safe: one arena per thread at a time.</para>
/// </remarks>
public sealed class ArrayArena
{
    [ThreadStatic]
    private static ArrayArena? t_current;

    private readonly Dictionary<(Type Type, int Length), Slot> _slots = [];

    /// <summary>The arena entered on this thread, or null.</summary>
    public static ArrayArena? Current => t_current;

    /// <summary>The number of buffers this arena holds (for tests and benchmarks).</summary>
    public int BufferCount { get; private set; }

    /// <summary>Makes every buffer available again; arrays handed out before are overwritten by later requests.</summary>
    public void Reset()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Next = 0;
        }
    }

    /// <summary>Makes this the current arena of the thread until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    internal T[] Rent<T>(int length)
    {
        var key = (typeof(T), length);
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new Slot();
            _slots.Add(key, slot);
        }

        if (slot.Next == slot.Buffers.Count)
        {
            slot.Buffers.Add(new T[length]);
            BufferCount++;
        }

        return (T[])slot.Buffers[slot.Next++];
    }

    /// <summary>Restores the previously entered arena (or none) when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ArrayArena? _previous;

        internal Scope(ArrayArena? previous) => _previous = previous;

        /// <inheritdoc/>
        public void Dispose() => t_current = _previous;
    }

    private sealed class Slot
    {
        public List<Array> Buffers { get; } = [];

        public int Next { get; set; }
    }
}
