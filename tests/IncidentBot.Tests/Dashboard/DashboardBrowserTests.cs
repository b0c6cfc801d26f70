using IncidentBot.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace IncidentBot.Dashboard;

/// <summary>The dashboard in headless Chromium, driven by chromedriver, against the real host on a loopback port.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task AResponderSeesTheIncidentOpensItAndWatchesTheTimelineAndStatusChange()
    {
        await using var bot = await RunningBot.StartAsync();
        var client = bot.Client;
        var number = await client.DeclareAsync("Checkout is failing for EU customers", "SEV1");
        await client.CommandAsync(number, "role commander @alice");

        using var browser = Browser.Start();
        browser.Navigate().GoToUrl(new Uri(bot.BaseAddress, "/"));
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(20));

        var link = wait.Until(d => d.FindElement(By.LinkText($"INC-{number}")));
        Assert.Contains("Checkout is failing for EU customers", browser.FindElement(By.Id("incidents")).Text, StringComparison.Ordinal);
        link.Click();

        wait.Until(d => d.FindElement(By.CssSelector("#timeline tbody tr[data-kind='role_assigned']")));
        Assert.Contains("INC-", browser.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);

        await client.CommandAsync(number, "note EU payment gateway returns 503");
        var added = wait.Until(d => d.FindElements(By.CssSelector("#timeline tbody tr[data-kind='note']")).FirstOrDefault());
        Assert.Contains("EU payment gateway returns 503", added!.Text, StringComparison.Ordinal);

        await client.CommandAsync(number, "status monitoring");
        wait.Until(d => d.FindElement(By.CssSelector("[data-field='status']")).Text == "monitoring");
        Assert.Equal("SEV1", browser.FindElement(By.CssSelector("[data-field='severity']")).Text);
    }

    private static class Browser
    {
        public static ChromeDriver Start()
        {
            var driverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver";
            var browserPath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
            Assert.True(File.Exists(driverPath), $"{driverPath} is missing: ./test.sh installs Debian's chromium-driver.");
            var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
            service.SuppressInitialDiagnosticInformation = true;
            service.HideCommandPromptWindow = true;
            var options = new ChromeOptions { BinaryLocation = browserPath };
            options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
            return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
    }
}
