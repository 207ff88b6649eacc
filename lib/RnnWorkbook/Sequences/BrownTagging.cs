using RnnWorkbook.Data;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The Brown Corpus as a part-of-speech tagging task with the 12 universal tags, held out by file: the files
/// at positions 10, 20, …, 500 of <c>cats.txt</c> (ca10, ca20, …) are the test set, those at 5, 15, …, 495
/// the validation set, the other 400 the training set. Every tenth file keeps all 15 genres on each side.
/// </summary>
public static class BrownTagging
{
    /// <summary>Maps every tag to its universal tag and splits the files.</summary>
    /// <param name="documents">The 500 texts in <c>cats.txt</c> order (<see cref="Nltk.Brown"/>).</param>
    /// <param name="map">The <c>en-brown</c> map (<see cref="Nltk.UniversalTagMap"/>); tags it does not list become X, as in NLTK.</param>
    /// <param name="trainFiles">How many training files to keep, from the first (for shorter runs); null for all.</param>
    /// <param name="heldOutFiles">How many validation and test files each to keep, from the first (for smoke runs); null for all 50.</param>
    public static TaggingSplit Split(IReadOnlyList<BrownDocument> documents, UniversalTagMap map, int? trainFiles = null, int? heldOutFiles = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(map);
        if (trainFiles is int limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, nameof(trainFiles));
        }

        if (heldOutFiles is int heldOut)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heldOut, nameof(heldOutFiles));
        }

        List<TaggedSentence> train = [], validation = [], test = [];
        List<string> validationFiles = [], testFiles = [];
        int trainTaken = 0;
        for (int i = 0; i < documents.Count; i++)
        {
            var side = (i % 10) switch { 9 => test, 4 => validation, _ => train };
            if (side == train && trainFiles is int most && trainTaken++ >= most)
            {
                continue;
            }

            var files = side == test ? testFiles : side == validation ? validationFiles : null;
            if (files is not null && heldOutFiles is int fewest && files.Count >= fewest)
            {
                continue;
            }

            files?.Add(documents[i].Id);
            foreach (var sentence in documents[i].Sentences)
            {
                side.Add(new TaggedSentence([.. sentence.Select(w => w.Word)], [.. sentence.Select(w => map.Map(w.Tag))]));
            }
        }

        return new TaggingSplit(train, validation, test, validationFiles, testFiles);
    }
}
