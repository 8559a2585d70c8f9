tracebriefSearch.terms("he",{"hegseth":"6"});
