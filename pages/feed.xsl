<?xml version="1.0" encoding="utf-8"?>
<!--
  The face of /feed.xml and /atom.xml in a browser: someone who clicks a feed
  link sees a page that says what a feed is and how to subscribe, not raw XML.
  Feed readers ignore it. No script and no inline style, so it works under a
  strict Content-Security-Policy.
  https://developer.mozilla.org/en-US/docs/Web/XML/XSLT
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <xsl:variable name="home" select="rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href"/>
    <xsl:variable name="self" select="rss/channel/atom:link[@rel='self']/@href | atom:feed/atom:link[@rel='self']/@href"/>
    <html lang="{rss/channel/language | atom:feed/@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title>Subscribe to <xsl:value-of select="$title"/></title>
      </head>
      <body>
        <main>
          <h1>This is the news feed of <xsl:value-of select="$title"/></h1>
          <p>
            A feed is a list of the latest stories that a feed reader app checks for you.
            Subscribe once and every new story from <xsl:value-of select="$title"/> shows up
            in your reader as soon as it is published: no account, no e-mail, no algorithm
            deciding what you see. You can stop at any time by removing it from your reader.
          </p>
          <h2>How to subscribe</h2>
          <ol>
            <li>Open a feed reader. Many are free, on the web, on phones and on computers.</li>
            <li>Choose "add feed" or "subscribe" (the words differ a little between readers).</li>
            <li>Paste this address: <code><xsl:value-of select="$self"/></code></li>
          </ol>
          <p>
            The same stories are also available in
            <a href="/feed.xml">RSS</a>, <a href="/atom.xml">Atom</a> and
            <a href="/feed.json">JSON Feed</a> format; any of them will do.
            More on the <a href="/subscribe/">subscribe page</a>, or go back to
            <a href="{$home}"><xsl:value-of select="$title"/></a>.
          </p>
          <h2>Latest stories</h2>
          <ul>
            <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <xsl:text> </xsl:text>
      <small><xsl:value-of select="substring(pubDate, 6, 11)"/></small>
      <br/>
      <xsl:value-of select="description" disable-output-escaping="yes"/>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <xsl:text> </xsl:text>
      <small><xsl:value-of select="substring(atom:published, 1, 10)"/></small>
      <br/>
      <xsl:value-of select="atom:summary"/>
    </li>
  </xsl:template>
</xsl:stylesheet>
