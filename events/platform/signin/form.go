package signin

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// form is the first form of a page: where it posts and its fields with their values (hidden
// ones such as the login challenge included).
type form struct {
	action *url.URL
	fields url.Values
}

func parseForm(page []byte, base *url.URL) (form, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return form{}, err
	}
	var f *form
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "form":
				if f != nil {
					return // only the first form
				}
				action, err := base.Parse(attr(n, "action"))
				if err != nil || !strings.EqualFold(attr(n, "method"), "post") {
					return
				}
				f, in = &form{action: action, fields: url.Values{}}, true
			case "input":
				if in && attr(n, "name") != "" {
					f.fields.Set(attr(n, "name"), attr(n, "value"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	if f == nil {
		return form{}, errors.New("no form that posts")
	}
	return *f, nil
}

// alertText is the text of the page's role="alert" element: the sign-in app's error message.
func alertText(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var found string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && attr(n, "role") == "alert" {
			found = strings.TrimSpace(text(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
