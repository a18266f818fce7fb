using System.Globalization;
using System.Text;

namespace Assistant.Core.Knowledge.Text;

/// <summary>
/// Lower-cases and folds accents so that "perché", "perche'" and "PERCHE" meet, and rewrites the
/// shorthand Italians type on WhatsApp ("x" = per, "nn" = non) before tokenising.
/// </summary>
public static class TextNormalizer
{
    // Whole-token WhatsApp shorthand; only forms that are unambiguous in a question to a business.
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["x"] = "per",
        ["nn"] = "non",
        ["cmq"] = "comunque",
        ["xke"] = "perche",
        ["xk"] = "perche",
        ["xche"] = "perche",
        ["pk"] = "perche",
        ["qnt"] = "quanto",
        ["qnd"] = "quando",
        ["qlc"] = "qualche",
        ["qlcs"] = "qualcosa",
        ["tt"] = "tutto",
        ["dv"] = "dove",
        ["sn"] = "sono",
        ["ke"] = "che",
        ["ki"] = "chi",
        ["msg"] = "messaggio",
        ["tel"] = "telefono",
        ["app"] = "appuntamento",
        ["appunt"] = "appuntamento",
        ["grz"] = "grazie",
        ["pls"] = "please",
        ["u"] = "you",
        ["ur"] = "your",
        ["thx"] = "thanks",
    };

    /// <summary>Lower case, accents removed, typographic apostrophes made plain.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '`' or '\u00b4' => '\'',
                _ => c,
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The expansion of a shorthand token, or the token itself.</summary>
    public static string ExpandShorthand(string foldedToken) =>
        Shorthand.TryGetValue(foldedToken, out var expanded) ? expanded : foldedToken;
}
