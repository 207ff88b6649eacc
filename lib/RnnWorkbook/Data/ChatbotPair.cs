namespace RnnWorkbook.Data;

/// <summary>One row of the Korean chatbot data: a user's question, the bot's answer, and the topic label.</summary>
/// <param name="Question">The <c>Q</c> column.</param>
/// <param name="Answer">The <c>A</c> column.</param>
/// <param name="Label">The <c>label</c> column.</param>
public sealed record ChatbotPair(string Question, string Answer, ChatbotLabel Label);
