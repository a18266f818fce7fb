using System.Globalization;
using System.Text;

namespace Assistant.Core.Intents;

/// <summary>
/// Emoji carry intent in chat ("🙏" is thanks, "😡" is a complaint): each known one becomes a
/// word-like token; joiners, variation selectors and skin tones vanish; any other pictograph
/// becomes <c>emo_other</c>.
/// </summary>
internal static class EmojiTokens
{
    private static readonly Dictionary<int, string> Tokens = Build();

    /// <summary>
    /// True when <paramref name="rune"/> is an emoji or symbol; <paramref name="token"/> is then its
    /// token, or empty for modifiers that carry nothing.
    /// </summary>
    public static bool TryGet(Rune rune, out string token)
    {
        if (Tokens.TryGetValue(rune.Value, out token!))
        {
            return true;
        }
        if (rune.Value is 0x200D or 0xFE0F or 0xFE0E or (>= 0x1F3FB and <= 0x1F3FF))
        {
            token = string.Empty;
            return true;
        }
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol)
        {
            token = "emo_other";
            return true;
        }
        token = string.Empty;
        return false;
    }

    private static Dictionary<int, string> Build()
    {
        var groups = new (string Token, string Emoji)[]
        {
            ("emo_wave", "👋🙋🤗"),
            ("emo_sun", "☀🌞🌅"),
            ("emo_thanks", "🙏"),
            ("emo_love", "❤♥💖💕💗💓💙💚💛🧡💜😍🥰😘🤩"),
            ("emo_smile", "😊☺😀😃😄😁🙂😉😇"),
            ("emo_ok", "👍👌✅🆗✔💯🔝"),
            ("emo_star", "⭐🌟✨🏆🥇"),
            ("emo_clap", "👏🎉🥳💪"),
            ("emo_angry", "😡😠🤬😤👎💩🙄😒"),
            ("emo_sad", "😞😔😢😭😩😫☹🙁😕😟😣"),
            ("emo_alarm", "🚨⚠🆘❗‼🔥😱🩸🤕🤒🚑"),
            ("emo_water", "💧💦🌊"),
            ("emo_laugh", "😂🤣😅😆"),
            ("emo_think", "🤔🧐"),
            ("emo_calendar", "📅🗓📆"),
            ("emo_clock", "⏰🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛⌚⏳"),
            ("emo_place", "📍🗺🧭🚗🚌🚇🅿"),
            ("emo_money", "💶💰💸💳💵🧾"),
            ("emo_doc", "📄📃📑📎📝🗂📁"),
            ("emo_house", "🏠🏡🏢🏘🔑"),
            ("emo_phone", "📞☎📱"),
            ("emo_stop", "🚫⛔✋🛑🔕"),
            ("emo_tooth", "🦷"),
            ("emo_hair", "💇💅💄"),
        };

        var map = new Dictionary<int, string>();
        foreach (var (token, emoji) in groups)
        {
            foreach (var rune in emoji.EnumerateRunes())
            {
                map[rune.Value] = token;
            }
        }
        return map;
    }
}
