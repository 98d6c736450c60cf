namespace Latchkey.Pages.Layout;

/// <summary>
/// The one stylesheet of every hosted page, with the accent colour of the live branding (already checked as a
/// #hex colour, see <see cref="Core.Settings.BrandingOptions.SafeAccent"/>). Sized for phones first; focus is
/// always visible; colours keep WCAG AA contrast.
/// </summary>
internal static class PageStyle
{
    public static string For(string accent) => $$$"""
        body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}
        main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}
        @media (max-width:30rem){main{margin:0;border-radius:0;box-shadow:none}}
        h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}
        input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border:1px solid #767a83;border-radius:.3rem}
        button{margin-top:1.2rem;padding:.75rem 1rem;font-size:1rem;border-radius:.3rem;border:0;background:{{{accent}}};color:#fff;width:100%;cursor:pointer}
        button.secondary{background:#e5e7eb;color:#1b1d21}
        button:focus,input:focus,select:focus,a:focus{outline:3px solid #f59e0b;outline-offset:2px}
        .alert{padding:.75rem;border-radius:.3rem;background:#fde8e8;color:#7f1d1d}.ok{background:#e7f6ec;color:#14532d}
        ul.scopes{padding-left:1.2rem}img.logo{max-width:64px;max-height:64px}a{color:{{{accent}}}}
        select{width:100%;padding:.6rem;font-size:1rem;border:1px solid #767a83;border-radius:.3rem}
        [hidden]{display:none!important}.or{text-align:center;margin:1.2rem 0 0;color:#4b5059}
        .hint{color:#4b5059;font-size:.9rem;margin:.3rem 0 0}
        ul.rules{padding-left:1.2rem;margin:.4rem 0 0;font-size:.9rem}ul.rules li.met{color:#14532d}ul.rules li.unmet{color:#7f1d1d}
        nav.links{margin-top:1.5rem}nav.links p{margin:.4rem 0}
        main.wide{max-width:64rem}
        .skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:1}
        header.console{max-width:64rem;margin:1rem auto 0;padding:0 1.5rem}.console-name{font-weight:700;margin:0}
        header.console ul{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:.4rem 0 0}
        header.console a[aria-current=page]{font-weight:700;text-decoration:none;border-bottom:3px solid {{{accent}}}}
        .banner{background:#fef3c7;color:#713f12;padding:.75rem 1.5rem;text-align:center}
        .table-scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #d6d8dc;vertical-align:top}
        button.inline,main.wide button{width:auto}
        label.check{font-weight:400}
        input[type=url],input[type=date],input[type=file]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #767a83;border-radius:.3rem}
        img.avatar{border-radius:50%}img.qr{display:block;max-width:100%;height:auto}ul.codes{columns:2;font-size:1.1rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0 1rem;align-items:end}
        .field-error{color:#7f1d1d;font-size:.9rem;margin:.3rem 0 0}[aria-invalid=true]{border-color:#b91c1c!important}
        dl.figures,dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem 1rem}
        dl.figures dt,dl.facts dt{font-weight:600;font-size:.9rem;color:#4b5059}dd{margin:0}dl.figures dd{font-size:1.4rem}
        figure.chart{margin:1.2rem 0}figure.chart svg{width:100%;height:8rem;display:block}rect.bar{fill:{{{accent}}}}
        ul.actions{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem}nav.pager{display:flex;gap:1.5rem;margin-top:1rem}
        p.confirm{display:flex;gap:.5rem;align-items:center;margin-top:1.2rem}p.confirm label{margin:0}button.danger{background:#b91c1c}
        .banner form{display:inline}.banner p{margin:.2rem 0}
        fieldset{border:1px solid #d6d8dc;border-radius:.3rem;margin:1rem 0;padding:.5rem 1rem 1rem}legend{font-weight:700}
        textarea{width:100%;box-sizing:border-box;padding:.7rem;font:inherit;border:1px solid #767a83;border-radius:.3rem}
        svg.preview{width:100%;max-width:24rem;height:auto;display:block}
        """;
}
