using Assistant.Admin.Components.Support;

namespace Assistant.Tests.Console;

public sealed class ConsoleWordsTests
{
    [Fact]
    public void Every_word_exists_in_both_languages()
    {
        Assert.Equal(ConsoleWords.Italian.Keys.Order(StringComparer.Ordinal), ConsoleWords.English.Keys.Order(StringComparer.Ordinal));
        Assert.All(ConsoleWords.Italian.Values.Concat(ConsoleWords.English.Values), text => Assert.False(string.IsNullOrWhiteSpace(text)));
    }

    [Fact]
    public void Italian_is_the_default_and_unknown_languages_fall_back_to_it()
    {
        Assert.Equal("Accedi", ConsoleText.For(null)["signin.submit"]);
        Assert.Equal("Accedi", ConsoleText.For("de")["signin.submit"]);
        Assert.Equal("Sign in", ConsoleText.For("en")["signin.submit"]);
    }

    [Fact]
    public void A_handoff_reason_reads_as_words_and_one_without_words_as_it_is()
    {
        Assert.Equal("l'assistente non ha capito", ConsoleText.For("it").Reason("low_confidence"));
        Assert.Equal("the message could not be handled", ConsoleText.For("en").Reason("processing_failed"));
        Assert.Equal("vip_customer", ConsoleText.For("it").Reason("vip_customer"));
    }

    [Fact]
    public void The_test_customer_number_is_new_each_time_and_keys_the_conversation()
    {
        var first = TryItCustomer.New("Prova");
        var second = TryItCustomer.New("Prova");
        Assert.NotEqual(first.Phone, second.Phone);
        Assert.Matches("^39000[0-9]{7}$", first.Phone);
        Assert.Equal($"biz:{first.Phone}", first.ConversationKey("biz"));
    }
}
