tracebriefSearch.terms("me",{"meeting":"0"});
