namespace RnnWorkbook.Data;

/// <summary>The topic label of a pair in the Korean chatbot data (the <c>label</c> column, 0 to 2).</summary>
public enum ChatbotLabel
{
    /// <summary>0: everyday talk (일상다반사).</summary>
    Everyday = 0,

    /// <summary>1: breakup, negative feelings (이별, 부정).</summary>
    Breakup = 1,

    /// <summary>2: love, positive feelings (사랑, 긍정).</summary>
    Love = 2,
}
