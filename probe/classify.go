package probe

import (
	"bytes"
)

// nginx's stock error pages for its internal statuses, all sent as 400
// (ngx_http_special_response.c); the title tells them apart.
var stockTitles = []struct {
	status int
	title  []byte
}{
	{495, []byte("<title>400 The SSL certificate error</title>")},
	{496, []byte("<title>400 No required SSL certificate was sent</title>")},
	{497, []byte("<title>400 The plain HTTP request was sent to HTTPS port</title>")},
}

// ClassifyBody tells which nginx status (495, 496 or 497) a response
// stands for, from the title of nginx's stock 400 page in its body; 0 when
// the status is not 400 or the body is not one of those pages (for
// example a custom error_page).
func ClassifyBody(status int, body []byte) int {
	if status != 400 {
		return 0
	}
	if len(body) > MaxBody {
		body = body[:MaxBody]
	}
	for _, p := range stockTitles {
		if bytes.Contains(body, p.title) {
			return p.status
		}
	}
	return 0
}

// NginxStatusText is the wording of nginx's stock page for 495, 496, 497.
func NginxStatusText(status int) string {
	switch status {
	case 495:
		return "The SSL certificate error"
	case 496:
		return "No required SSL certificate was sent"
	case 497:
		return "The plain HTTP request was sent to HTTPS port"
	}
	return ""
}
