using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Common;
using Latchkey.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// The settings page's values as text (what the form shows and what was typed), and the change they make: only the
/// fields whose value differs from the one in force go to <see cref="SettingsService.UpdateAsync"/>, so saving the
/// page does not turn every configured value into an override.
/// </summary>
internal static class SettingsForm
{
    public static Dictionary<string, string> Values(SettingsView view)
    {
        var json = JsonSerializer.SerializeToNode(view, JsonSerializerOptions.Web)!.AsObject();
        return SettingField.All.ToDictionary(f => f.Name, f => Text(json[f.Name], f.Kind));
    }

    /// <summary>
    /// What the form posted: a ticked box is "true" and an unticked one is not posted at all (so "false"); a text field
    /// the form did not post keeps the value in force.
    /// </summary>
    public static Dictionary<string, string> Values(IFormCollection form, Dictionary<string, string> current) =>
        SettingField.All.ToDictionary(f => f.Name, f =>
            f.Kind == SettingKind.Flag ? (form[f.Name] == "true" ? "true" : "false")
            : form.ContainsKey(f.Name) ? form[f.Name].ToString() : current[f.Name]);

    /// <summary>The JSON change from the values in force to the typed ones, or the field that is not a number.</summary>
    public static Result<JsonElement> Change(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> typed)
    {
        var change = new JsonObject();
        foreach (var field in SettingField.All)
        {
            var value = typed[field.Name].Trim();
            if (Normalize(value, field.Kind) == Normalize(current[field.Name], field.Kind)) continue;
            switch (field.Kind)
            {
                case SettingKind.Flag:
                    change[field.Name] = value == "true";
                    break;
                case SettingKind.Number when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    change[field.Name] = number;
                    break;
                case SettingKind.Number:
                    return AuthError.Field(field.Name, $"{field.Label} must be a whole number");
                case SettingKind.Lines:
                    change[field.Name] = new JsonArray([.. Lines(value).Select(l => (JsonNode)JsonValue.Create(l))]);
                    break;
                default:
                    change[field.Name] = value.Length == 0 ? null : value;
                    break;
            }
        }
        return JsonSerializer.SerializeToElement(change);
    }

    private static string Text(JsonNode? node, SettingKind kind) => node switch
    {
        null => "",
        JsonArray list => string.Join("\n", list.Select(v => v?.GetValue<string>())),
        JsonValue value when kind == SettingKind.Flag => value.GetValue<bool>() ? "true" : "false",
        JsonValue value => value.ToString(),
        _ => node.ToJsonString(),
    };

    private static string Normalize(string text, SettingKind kind) => kind == SettingKind.Lines ? string.Join("\n", Lines(text)) : text.Trim();

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
