tracebriefSearch.terms("uk",{"uk":"0,4,d,4,1","ukraine":"0,i","ukrainian":"7"});
