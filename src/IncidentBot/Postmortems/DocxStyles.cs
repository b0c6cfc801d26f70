using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentBot.Postmortems;

/// <summary>The styles and list numbering a postmortem document uses, defined in the document so it looks the same everywhere.</summary>
internal static class DocxStyles
{
    public const int BulletList = 1;
    public const int DecimalList = 2;

    public static W.Styles Create()
    {
        var styles = new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Yu Gothic" },
                    new W.FontSize { Val = "21" })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { After = "120", Line = "264", LineRule = W.LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, null, new W.StyleRunProperties(), isDefault: true));
        int[] sizes = [36, 30, 26, 24, 22, 22];
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(Paragraph(
                $"Heading{level}", $"heading {level}", "Normal",
                new W.StyleParagraphProperties(
                    new W.KeepNext(), new W.SpacingBetweenLines { Before = level == 1 ? "0" : "280", After = "100" },
                    new W.OutlineLevel { Val = level - 1 }),
                new W.StyleRunProperties(
                    new W.Bold(), new W.Color { Val = "1F3864" },
                    new W.FontSize { Val = sizes[level - 1].ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        }

        var quote = Paragraph("Quote", "Quote", "Normal", new W.StyleParagraphProperties(new W.Indentation { Left = "567" }),
            new W.StyleRunProperties(new W.Italic(), new W.Color { Val = "5A5A5A" }));
        var code = Paragraph("Code", "Code", "Normal", new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "0" }),
            new W.StyleRunProperties(new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }, new W.FontSize { Val = "18" }));
        var list = Paragraph("ListParagraph", "List Paragraph", "Normal", new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "60" }),
            new W.StyleRunProperties());
        var tableText = Paragraph("TableText", "Table Text", "Normal",
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.StyleRunProperties(new W.FontSize { Val = "18" }));
        styles.Append(quote, code, list, tableText, Character("CodeChar", "Code Char", new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }),
            Character("Hyperlink", "Hyperlink", new W.Color { Val = "0563C1" }, new W.Underline { Val = W.UnderlineValues.Single }), Table());
        return styles;
    }

    public static W.Numbering Numbering() => new(
        List(BulletList, W.NumberFormatValues.Bullet, level => level % 2 == 0 ? "•" : "◦"),
        List(DecimalList, W.NumberFormatValues.Decimal, level => $"%{level + 1}."),
        new W.NumberingInstance(new W.AbstractNumId { Val = BulletList }) { NumberID = BulletList },
        new W.NumberingInstance(new W.AbstractNumId { Val = DecimalList }) { NumberID = DecimalList });

    private static W.AbstractNum List(int id, W.NumberFormatValues format, Func<int, string> text)
    {
        var list = new W.AbstractNum(new W.MultiLevelType { Val = W.MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            list.Append(new W.Level(
                new W.StartNumberingValue { Val = 1 },
                new W.NumberingFormat { Val = format },
                new W.LevelText { Val = text(level) },
                new W.LevelJustification { Val = W.LevelJustificationValues.Left },
                new W.PreviousParagraphProperties(new W.Indentation { Left = (360 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }

        return list;
    }

    /// <summary>A paragraph style; the schema wants its children in this order: name, basedOn, qFormat, pPr, rPr.</summary>
    private static W.Style Paragraph(string id, string name, string? basedOn, W.StyleParagraphProperties? paragraph, W.StyleRunProperties run, bool isDefault = false)
    {
        var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (basedOn is not null)
        {
            style.Append(new W.BasedOn { Val = basedOn });
        }

        style.Append(new W.PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        style.Append(run);
        return style;
    }

    private static W.Style Character(string id, string name, params DocumentFormat.OpenXml.OpenXmlElement[] run) =>
        new(new W.StyleName { Val = name }, new W.StyleRunProperties(run)) { Type = W.StyleValues.Character, StyleId = id };

    private static W.Style Table()
    {
        W.BorderType Border<T>() where T : W.BorderType, new() => new T { Val = W.BorderValues.Single, Size = 4U, Color = "BFBFBF" };
        return new W.Style(
            new W.StyleName { Val = "Postmortem Table" },
            new W.StyleTableProperties(
                new W.TableBorders(Border<W.TopBorder>(), Border<W.LeftBorder>(), Border<W.BottomBorder>(), Border<W.RightBorder>(),
                    Border<W.InsideHorizontalBorder>(), Border<W.InsideVerticalBorder>()),
                new W.TableCellMarginDefault(new W.TopMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa },
                    new W.BottomMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa })),
            new W.TableStyleProperties(new W.TableStyleConditionalFormattingTableCellProperties(
                new W.Shading { Val = W.ShadingPatternValues.Clear, Fill = "F2F2F2" }))
            { Type = W.TableStyleOverrideValues.FirstRow })
        { Type = W.StyleValues.Table, StyleId = "PostmortemTable" };
    }
}
