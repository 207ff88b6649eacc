using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class ChatbotCsvTests
{
    [Fact]
    public void The_sample_reads_as_six_pairs()
    {
        var pairs = ChatbotCsv.Read(RepositoryPaths.Sample("chatbot-sample.csv"));

        Assert.Equal(
            [
                new ChatbotPair("안녕?", "안녕하세요. 반가워요.", ChatbotLabel.Everyday),
                new ChatbotPair("비 오는 날, 뭐 하지?", "따뜻한 차 한 잔, 어때요?", ChatbotLabel.Everyday),
                new ChatbotPair("헤어졌어", "\"괜찮아\"라고 말해도 괜찮지 않을 거예요.", ChatbotLabel.Breakup),
                new ChatbotPair("고백할까?", "마음을 전해 보세요.\n천천히, 진심으로.", ChatbotLabel.Love),
                new ChatbotPair("좋아하는 사람이 생겼어", "설레는 마음이 느껴져요!", ChatbotLabel.Love),
                new ChatbotPair("잘 자", "좋은 꿈 꾸세요.", ChatbotLabel.Everyday),
            ],
            pairs);
    }

    [Fact]
    public void A_label_outside_0_to_2_names_the_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse("Q,A,label\r\n하나,둘,0\r\n셋,넷,3\r\n"));

        Assert.Equal("data.csv line 3: the label '3' is not 0, 1 or 2.", e.Message);
    }

    [Fact]
    public void A_row_with_too_few_fields_names_the_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse("Q,A,label\n\"여러\n줄\",1\n"));

        Assert.Equal("data.csv line 2: expected 3 fields (Q,A,label) but found 2.", e.Message);
    }

    [Fact]
    public void A_wrong_header_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse("question,answer,label\n"));

        Assert.Equal("data.csv line 1: expected the header Q,A,label but found question,answer,label.", e.Message);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => Parse(""));
    }

    private static IReadOnlyList<ChatbotPair> Parse(string text) => ChatbotCsv.Parse(new StringReader(text), "data.csv");
}
