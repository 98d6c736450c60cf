using Latchkey.Core.Scim;
using Xunit;

namespace Latchkey.Core.Tests.Scim;

/// <summary>The filter grammar of RFC 7644 §3.4.2.2: its own examples parse, bind to columns, and malformed filters are invalidFilter.</summary>
public sealed class ScimFilterParserTests
{
    [Theory]
    [InlineData("userName eq \"bjensen\"")]
    [InlineData("name.familyName co \"O'Malley\"")]
    [InlineData("userName sw \"J\"")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"")]
    [InlineData("title pr")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr and userType eq \"Employee\"")]
    [InlineData("title pr or userType eq \"Intern\"")]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType eq \"Employee\" and (emails.type eq \"work\")")]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"")]
    [InlineData("USERNAME EQ \"x\" AND NOT (Active Eq False)")]
    [InlineData("displayName eq \"with \\\"escaped\\\" quotes\"")]
    public void Rfc_examples_parse(string filter) => Assert.True(ScimFilterParser.Parse(filter).IsSuccess, filter);

    [Fact]
    public void And_binds_tighter_than_or_and_value_paths_scope_their_attributes()
    {
        var parsed = ScimFilterParser.Parse("title pr or userType eq \"a\" and active eq true").Value;
        var or = Assert.IsType<ScimOr>(parsed);
        Assert.IsType<ScimAnd>(or.Right);
        var vp = Assert.IsType<ScimValuePath>(ScimFilterParser.Parse("emails[type eq \"work\"].value eq \"a@b.c\"").Value);
        Assert.Equal("emails", vp.Path.Name);
        Assert.IsType<ScimAnd>(vp.Inner);
        var compare = Assert.IsType<ScimComparison>(ScimFilterParser.Parse("meta.created gt 1.5e3").Value);
        Assert.Equal(1500m, compare.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("userName")]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("userName 1 \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("userName eq \"a\")")]
    [InlineData("userName eq \"a\" and")]
    [InlineData("userName eq 'a'")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("userName eq \"a\" ]")]
    [InlineData("\"a\" eq userName")]
    [InlineData("userName eq bare")]
    [InlineData("1abc eq \"a\"")]
    [InlineData("not userName eq \"a\"")]
    [InlineData("userName eq \"a\" userName eq \"b\"")]
    public void Malformed_filters_are_invalid_filter(string filter)
    {
        var result = ScimFilterParser.Parse(filter);
        Assert.False(result.IsSuccess);
        Assert.Equal(ScimTypes.InvalidFilter, result.Error.Details![ScimErrors.ScimTypeKey]);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_overflowed()
    {
        var deep = new string('(', 5000) + "title pr" + new string(')', 5000);
        Assert.False(ScimFilterParser.Parse(deep[..4000]).IsSuccess);
        Assert.False(ScimFilterParser.Parse(new string('(', 40) + "title pr" + new string(')', 40)).IsSuccess);
    }

    [Theory]
    [InlineData("nosuch eq \"a\"")]
    [InlineData("password eq \"a\"")]
    [InlineData("active eq \"yes\"")]
    [InlineData("active gt true")]
    [InlineData("meta.created co \"2020\"")]
    [InlineData("meta.created gt \"yesterday\"")]
    [InlineData("title eq 12")]
    [InlineData("emails[emails[value eq \"a\"]]")]
    [InlineData("id co \"a\"")]
    [InlineData("userName gt null")]
    [InlineData("urn:example:other:2.0:User:title pr")]
    [InlineData("ims[type eq \"xmpp\"]")]
    public void Filters_the_user_columns_cannot_answer_are_invalid_filter(string filter)
    {
        var result = ScimFilterBinder.ParseAndBind<ScimUserField>(filter, ScimUserFields.Resolve);
        Assert.False(result.IsSuccess);
        Assert.Equal(ScimTypes.InvalidFilter, result.Error.Details![ScimErrors.ScimTypeKey]);
    }

    [Fact]
    public void Binding_resolves_value_paths_and_typed_values()
    {
        var bound = ScimFilterBinder.ParseAndBind<ScimUserField>("emails[type eq \"work\"] and meta.created ge \"2024-01-01T00:00:00+02:00\"", ScimUserFields.Resolve).Value;
        var all = Assert.IsType<ScimAllOf<ScimUserField>>(bound);
        Assert.Equal(ScimUserField.EmailType, Assert.IsType<ScimFieldTest<ScimUserField>>(all.Left).Field.Field);
        var when = Assert.IsType<DateTime>(Assert.IsType<ScimFieldTest<ScimUserField>>(all.Right).Value);
        Assert.Equal(new DateTime(2023, 12, 31, 22, 0, 0, DateTimeKind.Utc), when);
    }

    [Theory]
    [InlineData("members[value eq \"2819c223\"]", "members", null)]
    [InlineData("emails[type eq \"work\"].value", "emails", "value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "manager", null)]
    [InlineData("name.givenName", "name", null)]
    public void Patch_paths_parse(string path, string attribute, string? sub)
    {
        var parsed = ScimFilterParser.ParsePath(path).Value;
        Assert.Equal(attribute, parsed.Attribute.Name);
        Assert.Equal(sub, parsed.SubAttr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("emails[type eq ]")]
    [InlineData("name.givenName[type eq \"a\"]")]
    [InlineData("emails[type eq \"a\"]value")]
    [InlineData("a b")]
    public void Bad_patch_paths_are_invalid_path(string path)
    {
        var result = ScimFilterParser.ParsePath(path);
        Assert.False(result.IsSuccess);
        Assert.Equal(ScimTypes.InvalidPath, result.Error.Details![ScimErrors.ScimTypeKey]);
    }
}
